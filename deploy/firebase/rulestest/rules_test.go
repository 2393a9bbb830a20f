package rulestest

import (
	"strings"
	"testing"

	"github.com/regulars-app/regulars/community"
)

// TestRules runs the table. Each case gets a fresh community, so cases
// cannot lean on one another's leftovers.
func TestRules(t *testing.T) {
	for _, c := range cases() {
		verdict := "refused"
		if c.allowed {
			verdict = "allowed"
		}
		name := strings.Join([]string{c.row, c.actor, c.what, verdict}, "/")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t)
			ctx := testContext(t)
			err := c.do(t, ctx, e, e.actors[c.actor])
			switch {
			case c.allowed && err != nil:
				t.Fatalf("%s: %s was refused: %v", c.actor, c.what, err)
			case !c.allowed && err == nil:
				t.Fatalf("%s: %s was allowed, want PermissionDenied", c.actor, c.what)
			case !c.allowed && !denied(err):
				t.Fatalf("%s: %s failed with %v, want PermissionDenied from the rules", c.actor, c.what, err)
			}
		})
	}
}

// TestRules_CoverPermissionTable checks the table has, for every action of
// community/permissions.go, an allowed case for each role the action allows
// and a refused case for a role it does not (or a stranger).
func TestRules_CoverPermissionTable(t *testing.T) {
	type key struct {
		row, actor string
		allowed    bool
	}
	have := map[key]bool{}
	for _, c := range cases() {
		have[key{c.row, c.actor, c.allowed}] = true
	}
	roles := map[community.Role]string{community.RoleOwner: owner, community.RoleStaff: staff, community.RoleMember: member}
	for _, act := range community.Actions() {
		refused := have[key{string(act), stranger, false}]
		if reason, ok := appOnly[act]; ok {
			t.Logf("%s: staff are refused by the app only: %s", act, reason)
		}
		for role, actor := range roles {
			if community.Can(role, act) {
				if !have[key{string(act), actor, true}] {
					t.Errorf("%s: no case where %s (allowed) does it", act, actor)
				}
			} else if _, ok := appOnly[act]; ok && role == community.RoleStaff {
				continue
			} else if !have[key{string(act), actor, false}] {
				t.Errorf("%s: no case where %s (not allowed) is refused", act, actor)
			} else {
				refused = true
			}
		}
		if !refused {
			t.Errorf("%s: no refused case", act)
		}
	}
	for k := range have {
		if k.allowed && k.actor != stranger {
			if r, ok := map[string]community.Role{owner: community.RoleOwner, staff: community.RoleStaff, member: community.RoleMember}[k.actor]; ok {
				for _, act := range community.Actions() {
					if string(act) == k.row && !community.Can(r, act) {
						t.Errorf("%s: case allows %s, which the permission table refuses", act, k.actor)
					}
				}
			}
		}
	}
}

// appOnly are the actions the app refuses staff but the rules cannot: what
// they do, staff may do piece by piece anyway. docs/deploy.md lists them.
var appOnly = map[community.Action]string{
	community.ActExport: "an export reads members, ledgers, RSVPs and feedback, which staff read at the counter and in the events manager",
}
