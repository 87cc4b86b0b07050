using Regional.Contracts.Placements.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Region;

namespace Regional.UnitTests;

/// <summary>The one exception to "never to oneself": the placement service tells its own authority's referral service about its register.</summary>
public sealed class When_a_service_tells_its_own_authority
{
    private readonly SharingPolicy _policy = new(new RegionDirectory(TestRegion.Options()));

    private static readonly ChildDetails Child = new("NC-1", "Jordan", "Example", new DateOnly(2013, 4, 17), null, "male", null);

    private static IncomingChildRegistered Registered(string from, string to) =>
        new(Guid.NewGuid(), from, to, "nottingham-city", Child, new DateOnly(2026, 1, 5), DateTimeOffset.UtcNow);

    [Fact]
    public void The_register_may_go_to_its_own_referral_service()
    {
        _policy.EnsureMaySend(Registered("derbyshire", "derbyshire"), "derbyshire");
        _policy.EnsureMaySend(new IncomingChildEnded(Guid.NewGuid(), "derbyshire", "derbyshire", "nottingham-city", new DateOnly(2026, 2, 1), DateTimeOffset.UtcNow), "derbyshire");
    }

    [Fact]
    public void The_register_may_not_go_to_another_authority()
    {
        var refused = Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Registered("derbyshire", "nottingham-city"), "derbyshire"));
        Assert.Contains("stays within its authority", refused.Message);
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Registered("derbyshire", "derbyshire-police"), "derbyshire"));
    }

    [Fact]
    public void The_register_may_not_claim_another_sender()
    {
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Registered("nottingham-city", "derbyshire"), "derbyshire"));
    }

    [Fact]
    public void Cross_border_messages_to_oneself_are_still_refused()
    {
        var concern = new CrossBorderConcernRaised(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "derbyshire", "derbyshire", Child, "nhs-number",
            new ConcernDetails("police", null, "seen at an address of concern", [], new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow));
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(concern, "derbyshire"));
    }

    [Fact]
    public void Reciprocal_review_outcomes_may_go_to_the_placing_authority_but_not_to_police()
    {
        var held = new ReciprocalReviewHeld(
            Guid.NewGuid(), Guid.NewGuid(), "derbyshire", "nottingham-city", "review", new DateOnly(2026, 11, 20),
            new AttendanceDetails(true, false, true, false, null), null, [], null, DateTimeOffset.UtcNow);
        _policy.EnsureMaySend(held, "derbyshire");
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(held with { To = "derbyshire-police" }, "derbyshire"));
    }
}
