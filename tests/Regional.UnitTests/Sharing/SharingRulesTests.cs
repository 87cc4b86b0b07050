using System.Reflection;
using MassTransit;
using Regional.Contracts;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Region;

namespace Regional.UnitTests.Sharing;

/// <summary>A contract the rules file has never heard of, as a new one would be on the day it is written.</summary>
[MessageUrn("urn:regional:tests:unruled:v1", useDefaultPrefix: false)]
[DeliveredTo("placement")]
public sealed record UnruledMessage(string From, string To, string ChildLocalId) : IAddressedMessage;

public sealed class When_the_sharing_rules_are_read
{
    private const string Minimal = """
        { "version": 1, "purposes": ["health"], "messages": { "urn:regional:placements:notice-received:v1": { "recipients": {
          "PlacingAuthority": { "basis": "statutory", "reference": "reg 13", "fields": [ "notificationId", "placementId", "from", "to", "receivedAt" ] } } } } }
        """;

    [Fact]
    public void The_shipped_rules_are_valid_and_cover_every_contract()
    {
        var rules = SharingRules.Default;
        var contracts = typeof(IAddressedMessage).Assembly.GetTypes().Where(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null).ToList();
        Assert.NotEmpty(contracts);
        Assert.All(contracts, c => Assert.True(rules.For(c) is not null, $"{c.Name} has no rule in deploy/sharing-rules.json"));
    }

    [Fact]
    public void A_minimal_document_is_accepted()
    {
        var rules = SharingRules.Parse(Minimal);
        Assert.Equal(1, rules.Version);
        Assert.NotNull(rules.For(typeof(NoticeReceived)));
        Assert.Null(rules.For(typeof(PlacementNotice)));
    }

    [Theory]
    [InlineData("\"fields\": [ \"notificationId\", \"placementId\", \"from\", \"to\", \"receivedAt\" ]", "\"fields\": [ \"notificationId\", \"childName\" ]", "field 'childName' is not a field of NoticeReceived")]
    [InlineData("\"PlacingAuthority\"", "\"Neighbour\"", "unknown recipient type")]
    [InlineData("\"basis\": \"statutory\"", "\"basis\": \"because\"", "not a valid rules document")]
    [InlineData("\"reference\": \"reg 13\", ", "", "must name its reference")]
    [InlineData("urn:regional:placements:notice-received:v1", "urn:regional:placements:no-such-thing:v1", "no contract has this name")]
    [InlineData("\"PlacingAuthority\"", "\"RegionalMonitor\"", "an addressed message never goes to the regional monitor")]
    [InlineData("\"basis\": \"statutory\", \"reference\": \"reg 13\"", "\"basis\": \"recorded\", \"purpose\": \"education\"", "purpose 'education' is not one of the purposes")]
    public void A_rule_that_names_what_does_not_exist_stops_the_service(string find, string replace, string problem)
    {
        var broken = Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, broken);
        var refused = Assert.Throws<SharingRulesException>(() => SharingRules.Parse(broken));
        Assert.Contains(refused.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_contract_without_a_rule_cannot_be_sent()
    {
        var policy = new SharingPolicy(new RegionDirectory(TestRegion.Options()));
        var refused = Assert.Throws<SharingRefusedException>(() => policy.Decide(new UnruledMessage("derbyshire", "nottingham-city", "NC-1"), "derbyshire"));
        Assert.Contains("has no sharing rule", refused.Message);
    }
}
