package community

import "fmt"

// Role is what a member may do in a community.
type Role string

// The roles, from most to least trusted.
const (
	RoleOwner  Role = "owner"
	RoleStaff  Role = "staff"
	RoleMember Role = "member"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleOwner || r == RoleStaff || r == RoleMember }

// IsStaff reports whether r runs the community (owner or staff).
func (r Role) IsStaff() bool { return r == RoleOwner || r == RoleStaff }

// Action is something a use case may refuse by role.
type Action string

// Actions of the permission table.
const (
	ActAnnounce       Action = "announce"        // post, edit, pin, schedule announcements
	ActManageEvents   Action = "manage_events"   // create, edit, cancel events
	ActCheckIn        Action = "check_in"        // check a member in at an event
	ActAwardPoints    Action = "award_points"    // award or redeem points for any member
	ActApproveStories Action = "approve_stories" // approve, reject, publish stories
	ActModerate       Action = "moderate"        // hide, restore, remove posts; pin and lock threads
	ActManagePolls    Action = "manage_polls"    // create and close polls, approve proposals
	ActSetIdeaStatus  Action = "set_idea_status" // move ideas through their statuses
	ActViewMembers    Action = "view_members"    // search members, read profiles and "usual" notes
	ActEditUsual      Action = "edit_usual"      // keep a member's "your usual" note
	ActViewInsights   Action = "view_insights"   // see the community's health
	ActManageRoles    Action = "manage_roles"    // grant or revoke staff
	ActManageRewards  Action = "manage_rewards"  // edit tiers, rewards and earn rules
	ActCounter        Action = "counter"         // record visits, purchases and stamps, accept reward codes, undo at the counter
	ActExport         Action = "export"          // export members, ledger, attendance and feedback as CSV
	ActAnswerMembers  Action = "answer_members"  // reply privately to feedback, send a note to a drifting regular

	ActRSVP         Action = "rsvp"          // RSVP to or cancel for an event
	ActPost         Action = "post"          // start a thread or reply
	ActReact        Action = "react"         // react to a post
	ActReport       Action = "report"        // report a post
	ActSubmitStory  Action = "submit_story"  // tell a story
	ActLikeStory    Action = "like_story"    // like a story
	ActVote         Action = "vote"          // vote in a poll
	ActProposeIdea  Action = "propose_idea"  // propose an option to a poll
	ActRedeemReward Action = "redeem_reward" // spend one's own points on a catalog reward
	ActFeedback     Action = "feedback"      // answer the NPS question
	ActEditProfile  Action = "edit_profile"  // edit one's own profile, export, delete
)

var (
	staffOnly   = []Role{RoleOwner, RoleStaff}
	ownerOnly   = []Role{RoleOwner}
	everyMember = []Role{RoleOwner, RoleStaff, RoleMember}
)

// permissions is the one table of who may do what. firestore.rules enforces
// the same table on the server.
var permissions = map[Action][]Role{
	ActAnnounce:       staffOnly,
	ActManageEvents:   staffOnly,
	ActCheckIn:        staffOnly,
	ActAwardPoints:    staffOnly,
	ActApproveStories: staffOnly,
	ActModerate:       staffOnly,
	ActManagePolls:    staffOnly,
	ActSetIdeaStatus:  staffOnly,
	ActViewMembers:    staffOnly,
	ActEditUsual:      staffOnly,
	ActViewInsights:   staffOnly,
	ActManageRoles:    ownerOnly,
	ActManageRewards:  ownerOnly,
	ActCounter:        staffOnly,
	ActExport:         ownerOnly,
	ActAnswerMembers:  staffOnly,

	ActRSVP:         everyMember,
	ActPost:         everyMember,
	ActReact:        everyMember,
	ActReport:       everyMember,
	ActSubmitStory:  everyMember,
	ActLikeStory:    everyMember,
	ActVote:         everyMember,
	ActProposeIdea:  everyMember,
	ActRedeemReward: everyMember,
	ActFeedback:     everyMember,
	ActEditProfile:  everyMember,
}

// Actions lists every action of the permission table, for tests and rules checks.
func Actions() []Action {
	out := make([]Action, 0, len(permissions))
	for a := range permissions {
		out = append(out, a)
	}
	return out
}

// Can reports whether role r may do a.
func Can(r Role, a Action) bool {
	for _, allowed := range permissions[a] {
		if allowed == r {
			return true
		}
	}
	return false
}

// Actor is who is calling a use case: the signed-in member.
type Actor struct {
	ID   string
	Role Role
	Name string
	Lang string
}

// Can reports whether the actor may do a.
func (a Actor) Can(act Action) bool { return a.ID != "" && Can(a.Role, act) }

// require returns ErrForbidden, wrapped with the action, unless the actor may do it.
func (a Actor) require(act Action) error {
	if !a.Can(act) {
		return fmt.Errorf("%s as %q: %w", act, a.Role, ErrForbidden)
	}
	return nil
}
