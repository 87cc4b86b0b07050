using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Regional.Api.Alerts;
using Regional.Api.Referrals;
using Regional.Client;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Alerts.PoliceApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// A force registers an endpoint and its alerts are pushed to it, signed the Standard Webhooks way;
/// a receiver that fails is retried with back-off and then the push is dead-lettered, visible in the
/// force's admin view, and re-sent once the receiver is fixed.
/// </summary>
public sealed class When_a_force_has_alerts_pushed_to_its_system(AlertsRegion fixture) : IClassFixture<AlertsRegion>
{
    [Fact]
    public async Task A_push_is_signed_and_verifies_with_an_independent_implementation()
    {
        await using var receiver = await PushReceiver.StartAsync();
        using var police = await Officer(fixture, Derbyshire);
        var secret = await Subscribe(police, receiver);

        var report = await ReportPlace("derbyshire");
        var push = await PushAbout(receiver, report.Id);

        // An implementation of the scheme written here, apart from the service's and the sample verifier's.
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{push.Id}.{push.Timestamp}.{push.Body}")));
        Assert.Contains($"v1,{expected}", push.Signature.Split(' '));
        Assert.StartsWith("msg_", push.Id, StringComparison.Ordinal);
        var data = JsonNode.Parse(push.Body)!["data"]!;
        var inbox = await AlertAbout(police, Derbyshire, report.Id, "person-or-place-of-concern");
        Assert.Equal(inbox.Reference, data["reference"]!.GetValue<string>());
        Assert.Equal("alert.person-or-place-of-concern", JsonNode.Parse(push.Body)!["type"]!.GetValue<string>());

        // The sample verifier a force would run: valid once; the same request again is a replay.
        var verifier = new PushVerifier([secret], fixture.Clock);
        Assert.Equal(PushVerdict.Valid, verifier.Verify(push.Id, push.Timestamp, push.Signature, push.Body));
        Assert.Equal(PushVerdict.Replayed, verifier.Verify(push.Id, push.Timestamp, push.Signature, push.Body));
        Assert.Equal(PushVerdict.BadSignature, new PushVerifier([secret], fixture.Clock).Verify(push.Id, push.Timestamp, push.Signature, push.Body.Replace("Matlock", "Buxton", StringComparison.Ordinal)));
        Assert.Equal(PushVerdict.BadSignature, new PushVerifier(["whsec_" + Convert.ToBase64String(new byte[24])], fixture.Clock).Verify(push.Id, push.Timestamp, push.Signature, push.Body));

        // Captured and replayed ten minutes later: refused on its timestamp.
        var later = new ShiftableClock();
        later.Advance(fixture.Clock.GetUtcNow() - later.GetUtcNow() + TimeSpan.FromMinutes(10));
        Assert.Equal(PushVerdict.StaleTimestamp, new PushVerifier([secret], later).Verify(push.Id, push.Timestamp, push.Signature, push.Body));

        var delivery = Assert.Single(Ok(await RegionalClients.Alerts(police).PushDeliveries(Derbyshire)), d => d.AlertId == inbox.Id);
        Assert.Equal(("delivered", 1, push.Id), (delivery.Status, delivery.Attempts, delivery.WebhookId));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_then_dead_lettered_and_resent_once_fixed()
    {
        await using var receiver = await PushReceiver.StartAsync();
        receiver.Failing = true;
        using var police = await Officer(fixture, Derbyshire);
        await Subscribe(police, receiver);

        var report = await ReportPlace("derbyshire");
        var alert = await AlertAbout(police, Derbyshire, report.Id, "person-or-place-of-concern");
        var dead = await Eventually.Until(
            async () => Ok(await RegionalClients.Alerts(police).PushDeliveries(Derbyshire, "dead")),
            d => d.Any(x => x.AlertId == alert.Id), what: "the push dead-lettered");
        var delivery = dead.Single(d => d.AlertId == alert.Id);
        Assert.Equal((3, 500), (delivery.Attempts, delivery.LastStatusCode));
        var tries = receiver.Received.Where(p => p.Id == delivery.WebhookId).ToList();
        Assert.Equal(3, tries.Count);
        Assert.All(tries, t => Assert.Contains(alert.Reference, t.Body, StringComparison.Ordinal));

        // The alert itself is safe in the inbox and the feed whatever the push did.
        Assert.Contains(Ok(await RegionalClients.Alerts(police).Feed(Derbyshire, limit: 500)).Items, a => a.Id == alert.Id);

        receiver.Failing = false;
        var resent = Ok(await RegionalClients.Alerts(police).Resend(Derbyshire, delivery.Id));
        Assert.Equal("pending", resent.Status);
        await Eventually.Until(
            async () => Ok(await RegionalClients.Alerts(police).PushDeliveries(Derbyshire, "delivered")),
            d => d.Any(x => x.Id == delivery.Id), what: "the re-sent push delivered");
        Assert.Equal(4, receiver.Received.Count(p => p.Id == delivery.WebhookId));
    }

    [Fact]
    public async Task A_rotated_secret_signs_beside_the_old_one_until_it_retires()
    {
        await using var receiver = await PushReceiver.StartAsync();
        using var police = await Officer(fixture, Derbyshire);
        var old = await Subscribe(police, receiver);
        var rotated = Ok(await RegionalClients.Alerts(police).RotatePushSecret(Derbyshire));
        Assert.NotNull(rotated.Secret);
        Assert.NotEqual(old, rotated.Secret);
        Assert.Null(Ok(await RegionalClients.Alerts(police).GetPush(Derbyshire)).Secret);

        var report = await ReportPlace("derbyshire");
        var push = await PushAbout(receiver, report.Id);

        // Every secret still in its overlap signs: at least the old and the new.
        Assert.True(push.Signature.Split(' ').Length >= 2, push.Signature);
        Assert.Equal(PushVerdict.Valid, new PushVerifier([old], fixture.Clock).Verify(push.Id, push.Timestamp, push.Signature, push.Body));
        Assert.Equal(PushVerdict.Valid, new PushVerifier([rotated.Secret!], fixture.Clock).Verify(push.Id, push.Timestamp, push.Signature, push.Body));
    }

    [Theory]
    [InlineData("http://example.org/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("https://user:pass@127.0.0.1/hook")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task An_endpoint_that_is_not_https_is_refused_naming_the_url(string url)
    {
        using var police = await Officer(fixture, Nottinghamshire);
        var response = await police.PutAsync($"/police/{Nottinghamshire}/push", JsonContent.Create(new { url }));
        await AssertRefused(response, "url");
        Assert.Equal(HttpStatusCode.NotFound, (await RegionalClients.Alerts(police).GetPush(Nottinghamshire)).StatusCode);
    }

    private static async Task<string> Subscribe(HttpClient police, PushReceiver receiver)
    {
        var subscription = Ok(await RegionalClients.Alerts(police).SetPush(Derbyshire, new PushSubscriptionRequest(receiver.Url.ToString())));
        Assert.Equal(receiver.Url.ToString(), subscription.Url);
        if (subscription.Secret is { } first)
        {
            return first;
        }

        // Registered by an earlier test of this class: a fresh secret for this one.
        return Ok(await RegionalClients.Alerts(police).RotatePushSecret(Derbyshire)).Secret!;
    }

    private async Task<IntelligenceReportView> ReportPlace(string area)
    {
        using var derby = await fixture.SignedInAs("derby-city.practitioner");
        return Ok(await RegionalClients.Referrals(derby).ReportIntelligence("derby-city", new ReportIntelligenceRequest(
            "place", area, "Flat used to host parties for young people; older males seen bringing alcohol.", "Flat 2, 10 Example Road, Matlock",
            null, "Linked to a blue hatchback seen at the children's home", fixture.Clock.GetUtcNow().AddHours(-3))), HttpStatusCode.Created);
    }

    private static async Task<ReceivedPush> PushAbout(PushReceiver receiver, Guid reportId) =>
        await Eventually.Until(
            () => Task.FromResult(receiver.Received.FirstOrDefault(p => JsonNode.Parse(p.Body)!["data"]!["sourceId"]!.GetValue<Guid>() == reportId)),
            p => p is not null, what: "the push at the receiver") ?? throw new InvalidOperationException();
}
