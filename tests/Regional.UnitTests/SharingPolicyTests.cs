using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Region;

namespace Regional.UnitTests;

public sealed class When_a_message_is_about_to_cross_a_border
{
    private readonly SharingPolicy _policy = new(new RegionDirectory(TestRegion.Options()));

    private static NoticeReceived Receipt(string from, string to) => new(Guid.NewGuid(), Guid.NewGuid(), from, to, DateTimeOffset.UtcNow);

    [Fact]
    public void A_notice_to_another_authority_is_allowed()
    {
        _policy.EnsureMaySend(Receipt("derbyshire", "nottingham-city"), "derbyshire");
    }

    [Fact]
    public void A_message_claiming_another_sender_is_refused()
    {
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Receipt("derby-city", "nottingham-city"), "derbyshire"));
    }

    [Fact]
    public void A_message_to_an_unknown_participant_is_refused()
    {
        var refused = Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Receipt("derbyshire", "leicester"), "derbyshire"));
        Assert.Contains("not a participant", refused.Message);
    }

    [Fact]
    public void A_placement_notice_to_a_police_force_is_refused()
    {
        // Police get alert fields, never the full placement record.
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Receipt("derbyshire", "derbyshire-police"), "derbyshire"));
    }

    [Fact]
    public void A_message_to_oneself_is_refused()
    {
        Assert.Throws<SharingRefusedException>(() => _policy.EnsureMaySend(Receipt("derbyshire", "derbyshire"), "derbyshire"));
    }
}
