using Regional.Consent.Domain;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;

namespace Regional.UnitTests;

internal static class Consents
{
    public static readonly DateOnly Today = new(2026, 12, 4);
    private static int _sequence;

    public static ConsentDecision Decision(
        string decision, string givenBy, DateOnly decidedOn, bool? competent = null,
        string purpose = "health", RecipientType recipient = RecipientType.HostAuthority, int? recordedMinute = null) => new()
    {
        Id = Guid.NewGuid(),
        ChildLocalId = "NC-1",
        Sequence = ++_sequence,
        Decision = decision,
        Purpose = purpose,
        RecipientType = recipient,
        GivenBy = givenBy,
        ChildAge = givenBy == Givers.Child ? 15 : null,
        Competent = givenBy == Givers.Child ? competent ?? true : null,
        DecidedOn = decidedOn,
        RecordedAt = new DateTimeOffset(2026, 12, 4, 9, recordedMinute ?? 0, 0, TimeSpan.Zero),
    };

    public static SafeguardingOverride Override(DateOnly reviewBy, string purpose = "health", RecipientType recipient = RecipientType.HostAuthority) => new()
    {
        Id = Guid.NewGuid(),
        ChildLocalId = "NC-1",
        Sequence = ++_sequence,
        Purpose = purpose,
        RecipientType = recipient,
        LawfulBasis = OverrideLaws.Dpa2018Sch1Para18,
        Reason = "CRE concern",
        ApprovedBy = "Team manager",
        ApproverRole = "manager",
        ReviewBy = reviewBy,
    };
}

public sealed class When_decisions_of_different_standing_disagree
{
    private static readonly DateOnly Earlier = Consents.Today.AddDays(-10);
    private static readonly DateOnly Later = Consents.Today.AddDays(-1);

    [Fact]
    public void A_court_decides_over_a_later_competent_child()
    {
        var court = Consents.Decision(Decisions.Refusal, Givers.Court, Earlier);
        var child = Consents.Decision(Decisions.Consent, Givers.Child, Later);

        Assert.Same(court, LawfulBasis.Winning([child, court], "health", RecipientType.HostAuthority));
    }

    [Fact]
    public void A_competent_child_decides_over_a_later_parent()
    {
        var child = Consents.Decision(Decisions.Consent, Givers.Child, Earlier);
        var parent = Consents.Decision(Decisions.Refusal, Givers.ParentCarer, Later);

        Assert.Same(child, LawfulBasis.Winning([parent, child], "health", RecipientType.HostAuthority));
        Assert.Equal(Bases.Consent, LawfulBasis.Effective([parent, child], [], "health", RecipientType.HostAuthority, Consents.Today).Basis);
    }

    [Fact]
    public void A_child_judged_not_competent_does_not_decide_over_a_parent()
    {
        var child = Consents.Decision(Decisions.Refusal, Givers.Child, Later, competent: false);
        var parent = Consents.Decision(Decisions.Consent, Givers.ParentCarer, Earlier);

        Assert.Same(parent, LawfulBasis.Winning([child, parent], "health", RecipientType.HostAuthority));
    }

    [Fact]
    public void Within_a_standing_the_latest_decided_wins_whatever_order_it_was_recorded_in()
    {
        var later = Consents.Decision(Decisions.Refusal, Givers.ParentCarer, Later, recordedMinute: 1);
        var earlierRecordedLast = Consents.Decision(Decisions.Consent, Givers.ParentCarer, Earlier, recordedMinute: 30);

        Assert.Same(later, LawfulBasis.Winning([later, earlierRecordedLast], "health", RecipientType.HostAuthority));
        Assert.Null(LawfulBasis.Effective([later, earlierRecordedLast], [], "health", RecipientType.HostAuthority, Consents.Today).Basis);
    }

    [Fact]
    public void On_the_same_day_the_latest_recorded_wins()
    {
        var first = Consents.Decision(Decisions.Consent, Givers.ParentCarer, Later, recordedMinute: 1);
        var second = Consents.Decision(Decisions.Withdrawal, Givers.ParentCarer, Later, recordedMinute: 2);

        Assert.Same(second, LawfulBasis.Winning([second, first], "health", RecipientType.HostAuthority));
    }

    [Fact]
    public void A_decision_covers_only_its_own_purpose_and_recipient_type()
    {
        var exploitation = Consents.Decision(Decisions.Consent, Givers.Child, Later, purpose: "exploitation");
        var police = Consents.Decision(Decisions.Consent, Givers.Child, Later, recipient: RecipientType.PoliceForce);

        Assert.Null(LawfulBasis.Winning([exploitation, police], "health", RecipientType.HostAuthority));
    }
}

public sealed class When_an_override_is_recorded
{
    [Fact]
    public void Safeguarding_holds_where_consent_was_refused_until_its_review_date_has_passed()
    {
        var refusal = Consents.Decision(Decisions.Refusal, Givers.ParentCarer, Consents.Today.AddDays(-3));
        var safeguarding = Consents.Override(Consents.Today.AddDays(30));

        var held = LawfulBasis.Effective([refusal], [safeguarding], "health", RecipientType.HostAuthority, safeguarding.ReviewBy);
        var lapsed = LawfulBasis.Effective([refusal], [safeguarding], "health", RecipientType.HostAuthority, safeguarding.ReviewBy.AddDays(1));

        Assert.Equal((Bases.Safeguarding, OverrideLaws.Dpa2018Sch1Para18), (held.Basis, held.Reference));
        Assert.Null(lapsed.Basis);
    }

    [Fact]
    public void Consent_is_named_before_an_override_while_it_holds()
    {
        var consent = Consents.Decision(Decisions.Consent, Givers.Child, Consents.Today.AddDays(-3));

        Assert.Equal(Bases.Consent, LawfulBasis.Effective([consent], [Consents.Override(Consents.Today.AddDays(30))], "health", RecipientType.HostAuthority, Consents.Today).Basis);
    }
}

public sealed class When_consent_is_withdrawn
{
    [Fact]
    public void Only_the_givers_own_standing_consent_can_be_withdrawn()
    {
        var parentConsent = Consents.Decision(Decisions.Consent, Givers.ParentCarer, Consents.Today.AddDays(-5));
        var childRefusal = Consents.Decision(Decisions.Refusal, Givers.Child, Consents.Today.AddDays(-4));

        Assert.Same(parentConsent, LawfulBasis.Withdrawable([parentConsent, childRefusal], Givers.ParentCarer, "health", RecipientType.HostAuthority));
        Assert.Null(LawfulBasis.Withdrawable([parentConsent, childRefusal], Givers.Child, "health", RecipientType.HostAuthority));
        Assert.Null(LawfulBasis.Withdrawable([parentConsent], Givers.ParentCarer, "education", RecipientType.HostAuthority));
    }

    [Fact]
    public void A_consent_already_withdrawn_cannot_be_withdrawn_again()
    {
        var consent = Consents.Decision(Decisions.Consent, Givers.ParentCarer, Consents.Today.AddDays(-5));
        var withdrawal = Consents.Decision(Decisions.Withdrawal, Givers.ParentCarer, Consents.Today.AddDays(-1));

        Assert.Null(LawfulBasis.Withdrawable([consent, withdrawal], Givers.ParentCarer, "health", RecipientType.HostAuthority));
    }
}

public sealed class When_a_consent_record_changes
{
    private static BasisClock At(DateOnly today) =>
        new("nottingham-city", today.ToDateTime(new TimeOnly(10, 0)), today, d => new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    [Fact]
    public void Only_the_bases_that_moved_are_announced_under_one_id_per_purpose_and_recipient()
    {
        var record = new ConsentRecord { ChildLocalId = "NC-1" };
        Assert.Empty(record.Record(Consents.Decision(Decisions.Refusal, Givers.ParentCarer, Consents.Today), At(Consents.Today)));

        var consent = Assert.Single(record.Record(Consents.Decision(Decisions.Consent, Givers.Child, Consents.Today, purpose: "exploitation"), At(Consents.Today)));
        Assert.Equal(("exploitation", RecipientType.HostAuthority, Bases.Consent, true), (consent.Purpose, consent.RecipientType, consent.Basis, consent.Holds));
        Assert.Equal(("nottingham-city", "nottingham-city"), (consent.From, consent.To));

        var withdrawn = Assert.Single(record.Record(Consents.Decision(Decisions.Withdrawal, Givers.Child, Consents.Today, purpose: "exploitation"), At(Consents.Today)));
        Assert.Equal((Bases.Consent, false), (withdrawn.Basis, withdrawn.Holds));
        Assert.Equal(consent.BasisId, withdrawn.BasisId);
        Assert.NotEqual(consent.BasisId, ConsentRecord.BasisId("nottingham-city", "NC-1", "health", RecipientType.HostAuthority));
    }

    [Fact]
    public void An_override_is_announced_until_its_review_date_and_withdrawn_once_after_it()
    {
        var record = new ConsentRecord { ChildLocalId = "NC-1" };
        var reviewBy = Consents.Today.AddDays(30);
        var held = Assert.Single(record.Record(Consents.Override(reviewBy), At(Consents.Today)));
        Assert.Equal((Bases.Safeguarding, OverrideLaws.Dpa2018Sch1Para18, true), (held.Basis, held.Reference, held.Holds));
        Assert.Equal(new DateTimeOffset(reviewBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), held.ValidUntil);

        Assert.Empty(record.Announce(At(reviewBy)));
        var lapsed = Assert.Single(record.Announce(At(reviewBy.AddDays(1))));
        Assert.Equal((Bases.Safeguarding, false, held.BasisId), (lapsed.Basis, lapsed.Holds, lapsed.BasisId));
        Assert.Empty(record.Announce(At(reviewBy.AddDays(2))));
    }
}
