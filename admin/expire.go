package admin

import (
	"context"
	"fmt"
	"io"

	"github.com/regulars-app/regulars/community"
	fsstore "github.com/regulars-app/regulars/community/firestore"
)

// expirePoints runs the community's points expiry once (see
// community.Service.ExpirePoints): meant for a daily job (cron, Cloud
// Scheduler). It reads every member, which is why it is an admin task and
// not a screen's; its ledger entries name "admin" as who applied them.
func (t Target) expirePoints(ctx context.Context, s *fsstore.Store, args []string, stdout io.Writer) error {
	if len(args) != 0 {
		return fmt.Errorf("%w: expire-points takes no arguments", ErrUsage)
	}
	svc := community.NewService(s, community.WithClock(t.now))
	rep, err := svc.ExpirePoints(ctx, community.Actor{ID: "admin", Role: community.RoleOwner})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "community %s: %d members told their points lapse within a week; %d members' points lapsed (%d points)\n",
		t.Community, rep.Told, rep.Expired, rep.Points)
	return nil
}
