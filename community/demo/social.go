package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/regulars-app/regulars/community"
)

func member(id string) person {
	for _, p := range people {
		if p.id == id {
			return p
		}
	}
	return person{id: id, name: id, lang: "en"}
}

// seedForum opens a few conversations in several languages.
func seedForum(ctx context.Context, s community.Store, now time.Time) error {
	type post struct{ by, body string }
	threads := []struct {
		id, cat, title string
		pinned         bool
		posts          []post
	}{
		{"th-welcome", "general", "Welcome! Introduce yourself here", true, []post{
			{OwnerID, "Hi everyone, I'm **Lucía**. We opened Café Lumen to be the living room of the neighbourhood. Tell us who you are and what you drink!"},
			{MemberID, "مرحبا! أنا أميرة، أسكن في الشارع المجاور. قهوتي المفضلة: فلات وايت بحليب الشوفان ☕"},
			{"mem-priya", "Namaste! Priya here. I work from the corner table most mornings."},
			{"mem-tom", "Tom, retired teacher. Double espresso, no nonsense."},
			{"mem-yuki", "ユキです。抹茶ラテが大好きです。よろしくお願いします！"},
		}},
		{"th-grinder", "coffee", "Which grinder for pour-over at home?", false, []post{
			{"mem-claire", "I want to start brewing V60 at home. Budget around 150 €. Any advice?"},
			{StaffID, "A burr grinder matters more than the kettle. Ask me at the bar and I'll show you what we use."},
			{"mem-marco", "Hand grinders are great value at that price. Consistency is everything."},
		}},
		{"th-pastry", "menu", "Could we have a savoury breakfast option?", false, []post{
			{"mem-diego", "Love the pastries, but some mornings I want something salty. Tortilla? Toast with tomato?"},
			{"mem-ayse", "Simit with cheese would be amazing!"},
			{OwnerID, "Great ideas — we'll put them in the next poll."},
		}},
		{"th-quiet", "general", "Quiet hours for remote workers?", false, []post{
			{"mem-priya", "Would a *quiet hour* in the morning work for everyone? 9 to 10, no calls."},
			{"mem-noah", "+1, I'd come more often."},
		}},
	}
	for ti, t := range threads {
		first := t.posts[0]
		author := member(first.by)
		start := now.AddDate(0, 0, -20+ti*4)
		th := community.Thread{ID: t.id, Category: t.cat, Title: t.title, AuthorID: author.id, AuthorName: author.name,
			Lang: author.lang, CreatedAt: start, LastPostAt: start}
		p := community.Post{ID: t.id + "-1", ThreadID: t.id, AuthorID: author.id, AuthorName: author.name, Lang: author.lang, Body: first.body, At: start}
		if _, _, err := s.CreateThread(ctx, th, p); err != nil {
			return fmt.Errorf("seed thread %s: %w", t.id, err)
		}
		for i, reply := range t.posts[1:] {
			a := member(reply.by)
			rp := community.Post{ID: fmt.Sprintf("%s-%d", t.id, i+2), ThreadID: t.id, AuthorID: a.id, AuthorName: a.name, Lang: a.lang,
				Body: reply.body, At: start.Add(time.Duration(i+1) * 3 * time.Hour)}
			if _, err := s.AddPost(ctx, rp); err != nil {
				return fmt.Errorf("seed post %s: %w", rp.ID, err)
			}
		}
		if t.pinned {
			if _, err := s.UpdateThread(ctx, t.id, func(th *community.Thread) error { th.Pinned = true; return nil }); err != nil {
				return err
			}
		}
	}
	for _, r := range []struct{ post, by, reaction string }{
		{"th-welcome-2", "mem-priya", "❤️"}, {"th-welcome-2", "mem-tom", "☕"}, {"th-welcome-1", MemberID, "🎉"},
		{"th-grinder-2", "mem-claire", "👍"}, {"th-pastry-2", "mem-diego", "😂"},
	} {
		thread := r.post[:len(r.post)-2]
		if _, err := s.React(ctx, thread, r.post, r.by, r.reaction); err != nil {
			return fmt.Errorf("seed reaction: %w", err)
		}
	}
	// The demo member has read some threads and not others, so the forum
	// shows both marks: the welcome thread and the quiet hours all read, the
	// grinder thread up to the staff's answer (Marco's reply is new), the
	// pastry thread never opened.
	amira, err := s.Member(ctx, MemberID)
	if err != nil {
		return fmt.Errorf("seed read state: %w", err)
	}
	for _, r := range []struct {
		thread string
		seq    int64
	}{{"th-welcome", 5}, {"th-grinder", 2}, {"th-quiet", 2}} {
		t, err := s.Thread(ctx, r.thread)
		if err != nil {
			return fmt.Errorf("seed read state: %w", err)
		}
		p, err := s.Posts(ctx, r.thread, r.seq, 1)
		if err != nil || len(p) == 0 {
			return fmt.Errorf("seed read state of %s: %w", r.thread, err)
		}
		if _, err := s.UpdateReadState(ctx, MemberID, func(rs *community.ReadState) bool {
			if rs.Floor.IsZero() && len(rs.Threads) == 0 {
				rs.Floor = amira.Since // as community.Service.ReadState starts it
			}
			return rs.Mark(t.ID, r.seq, p[0].At)
		}); err != nil {
			return fmt.Errorf("seed read state: %w", err)
		}
	}
	// One post reported once, waiting for a moderator.
	if _, err := s.ReportPost(ctx, "th-quiet", "th-quiet-2", "mem-tom", now.AddDate(0, 0, -1)); err != nil {
		return fmt.Errorf("seed report: %w", err)
	}
	return nil
}

// seedStories publishes three stories and leaves two waiting for approval.
func seedStories(ctx context.Context, s community.Store, now time.Time) error {
	ms := Members(now)
	since := map[string]time.Time{}
	for _, m := range ms {
		since[m.ID] = m.Since
	}
	stories := []struct {
		id, by, title, body string
		status              community.StoryStatus
		daysAgo             int
	}{
		{"st-first-date", "mem-tom", "Where we had our first date", "Thirty-one years ago this was a bookshop. Now my wife and I come every Sunday for the same table by the window.", community.StoryPublished, 25},
		{"st-thesis", "mem-priya", "I wrote my thesis at the corner table", "Two years, four hundred chais and one PhD. Thank you for the power socket and the patience.", community.StoryPublished, 12},
		{"st-welcome", MemberID, "قهوة صارت عائلة", "وصلت إلى المدينة ولا أعرف أحداً. بعد شهر، كان الباريستا يعرف اسمي وقهوتي. اليوم هذا المقهى بيتي الثاني.", community.StoryPublished, 4},
		{"st-dog", "mem-grace", "Biscuit the café dog", "My dog now pulls me here every morning. The staff keep a jar of treats just for him.", community.StoryPending, 1},
		{"st-rain", "mem-minh", "Cà phê ngày mưa", "Một buổi chiều mưa, quán cho tôi mượn ô. Tôi vẫn giữ nó để trả lại!", community.StoryPending, 0},
	}
	for _, st := range stories {
		p := member(st.by)
		at := now.AddDate(0, 0, -st.daysAgo)
		story := community.Story{ID: st.id, AuthorID: p.id, AuthorName: p.name, AuthorSince: since[p.id], Lang: p.lang, Title: st.title,
			Body: st.body, Consent: true, Status: st.status, SubmittedAt: at.Add(-24 * time.Hour)}
		if st.status == community.StoryPublished {
			story.PublishedAt = at
		}
		if err := s.CreateStory(ctx, story); err != nil {
			return fmt.Errorf("seed story %s: %w", st.id, err)
		}
		if st.status == community.StoryPublished {
			e := community.LedgerEntry{ID: "story:" + st.id, MemberID: p.id, Delta: Community().Earn.StoryPublished,
				Reason: community.ReasonStory, Ref: st.id, At: at, By: OwnerID}
			if _, _, err := s.ApplyLedger(ctx, e); err != nil {
				return err
			}
		}
	}
	for i, m := range ms[3:20] {
		id := "st-first-date"
		if i%2 == 0 {
			id = "st-thesis"
		}
		if _, _, err := s.LikeStory(ctx, id, m.ID); err != nil {
			return fmt.Errorf("seed like: %w", err)
		}
	}
	return nil
}

// seedPolls opens a winter-drink poll with proposals and votes, and keeps a
// closed poll whose winning idea shipped (its proposer and voters thanked).
func seedPolls(ctx context.Context, s community.Store, now time.Time) error {
	ms := Members(now)
	shipped := community.Poll{ID: "poll-oat", Question: "What should we change about milk?", Lang: "en", Status: community.PollOpen,
		CreatedBy: OwnerID, CreatedAt: now.AddDate(0, -3, 0), ClosesAt: now.AddDate(0, -2, 0),
		Options: []community.Option{
			{ID: "free-oat", Text: "Oat milk at no extra charge", By: "mem-tom", ByName: "Tom Becker", Status: community.IdeaOpen},
			{ID: "local-milk", Text: "Milk from a local farm", Status: community.IdeaOpen},
			{ID: "soy", Text: "Bring back soy milk", Status: community.IdeaOpen},
		}}
	open := community.Poll{ID: "poll-winter", Question: "Which drink should join the winter menu?", Lang: "en", Status: community.PollOpen,
		CreatedBy: OwnerID, CreatedAt: now.AddDate(0, 0, -6), ClosesAt: at(now, 14, 20, 0),
		Options: []community.Option{
			{ID: "cardamom", Text: "Cardamom latte", Status: community.IdeaOpen},
			{ID: "hot-choc", Text: "Spiced hot chocolate", Status: community.IdeaOpen},
			{ID: "yuzu", Text: "Yuzu honey tea", Status: community.IdeaOpen},
			{ID: "simit", Text: "Simit with cheese for breakfast", By: "mem-ayse", ByName: "Ayşe Yılmaz", Status: community.IdeaPlanned},
		}}
	for _, p := range []community.Poll{shipped, open} {
		if err := s.CreatePoll(ctx, p); err != nil {
			return fmt.Errorf("seed poll %s: %w", p.ID, err)
		}
	}
	for i, m := range ms[3:24] {
		opts := []string{"free-oat", "free-oat", "local-milk", "soy"}
		if err := s.CastVote(ctx, community.Vote{PollID: shipped.ID, MemberID: m.ID, OptionID: opts[i%4], At: shipped.CreatedAt.Add(time.Hour)}); err != nil {
			return fmt.Errorf("seed vote: %w", err)
		}
	}
	for i, m := range ms[3:19] {
		opts := []string{"cardamom", "hot-choc", "cardamom", "yuzu", "simit"}
		if err := s.CastVote(ctx, community.Vote{PollID: open.ID, MemberID: m.ID, OptionID: opts[i%5], At: now.AddDate(0, 0, -2)}); err != nil {
			return fmt.Errorf("seed vote: %w", err)
		}
	}
	// A pending proposal from Priya, waiting for the owner.
	if _, err := s.UpdatePoll(ctx, open.ID, func(p *community.Poll) error {
		p.Options = append(p.Options, community.Option{ID: "chai", Text: "Masala chai latte", By: "mem-priya", ByName: "Priya Sharma", Status: community.IdeaPending})
		return nil
	}); err != nil {
		return err
	}
	// Oat milk shipped: thank the proposer and the voters, as Service.SetIdeaStatus does.
	if _, err := s.UpdatePoll(ctx, shipped.ID, func(p *community.Poll) error {
		p.Status = community.PollClosed
		for i := range p.Options {
			switch p.Options[i].ID {
			case "free-oat":
				p.Options[i].Status = community.IdeaShipped
			case "local-milk":
				p.Options[i].Status = community.IdeaInProgress
			case "soy":
				p.Options[i].Status = community.IdeaDeclined
			}
		}
		return nil
	}); err != nil {
		return err
	}
	voters, err := s.Voters(ctx, shipped.ID, "free-oat")
	if err != nil {
		return err
	}
	earn := Community().Earn
	thank := func(id string, delta int64, reason string) error {
		e := community.LedgerEntry{ID: "ship:poll-oat:free-oat:" + id, MemberID: id, Delta: delta, Reason: reason, Ref: "free-oat",
			Note: "Oat milk at no extra charge", At: now.AddDate(0, -1, 0), By: OwnerID}
		_, _, err := s.ApplyLedger(ctx, e)
		return err
	}
	if err := thank("mem-tom", earn.IdeaShipped, community.ReasonIdeaShipped); err != nil {
		return err
	}
	for _, v := range voters {
		if v != "mem-tom" {
			if err := thank(v, earn.IdeaVoter, community.ReasonIdeaVoter); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedAnnouncements posts news in several languages: one pinned, one
// recent, one scheduled for next week.
func seedAnnouncements(ctx context.Context, s community.Store, now time.Time) error {
	anns := []community.Announcement{
		{ID: "an-winter-hours", Pinned: true, PublishAt: now.AddDate(0, 0, -2), Texts: map[string]community.AnnouncementText{
			"en": {Title: "Winter hours", Body: "From 1 December we open at 7:30 and close at 19:00. Sundays stay the same."},
			"es": {Title: "Horario de invierno", Body: "Desde el 1 de diciembre abrimos a las 7:30 y cerramos a las 19:00. Los domingos, igual."},
			"ar": {Title: "مواعيد الشتاء", Body: "ابتداءً من ١ ديسمبر نفتح الساعة ٧:٣٠ ونغلق الساعة ١٩:٠٠. أيام الأحد كما هي."},
			"hi": {Title: "सर्दियों का समय", Body: "1 दिसंबर से हम सुबह 7:30 बजे खुलेंगे और शाम 7 बजे बंद होंगे। रविवार वैसे ही रहेगा।"},
			"ja": {Title: "冬の営業時間", Body: "12月1日より、営業時間は7:30〜19:00になります。日曜日は変わりません。"},
		}},
		{ID: "an-pastries", PublishAt: now.AddDate(0, 0, -6), Texts: map[string]community.AnnouncementText{
			"en": {Title: "New pastries from Kenji", Body: "Yuzu cheesecake and black sesame buns, every morning while they last."},
			"es": {Title: "Nuevos dulces de Kenji", Body: "Tarta de queso con yuzu y bollos de sésamo negro, cada mañana hasta agotar existencias."},
			"fr": {Title: "Nouvelles pâtisseries de Kenji", Body: "Cheesecake au yuzu et brioches au sésame noir, chaque matin dans la limite des stocks."},
		}},
		{ID: "an-oat", PublishAt: now.AddDate(0, -1, 0), Texts: map[string]community.AnnouncementText{
			"en": {Title: "You asked, we listened: free oat milk", Body: "Oat milk now costs nothing extra. Thank you Tom for the idea and everyone who voted!"},
			"es": {Title: "Lo pedisteis: leche de avena gratis", Body: "La leche de avena ya no cuesta nada extra. ¡Gracias, Tom, y a todos los que votasteis!"},
		}},
		{ID: "an-market", PublishAt: now.AddDate(0, 0, 7), Texts: map[string]community.AnnouncementText{
			"en": {Title: "Christmas market stall", Body: "Find us at the Plaza market from 12 December."},
		}},
	}
	for _, a := range anns {
		a.CreatedBy, a.CreatedAt = OwnerID, now.AddDate(0, 0, -7)
		if err := s.SaveAnnouncement(ctx, a); err != nil {
			return fmt.Errorf("seed announcement %s: %w", a.ID, err)
		}
	}
	return nil
}
