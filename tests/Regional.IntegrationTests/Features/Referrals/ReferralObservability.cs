using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// A concern, its matching and a reciprocal meeting, watched at Debug in every service: no child's
/// data in any log line or span attribute, and the referral API is described by OpenAPI.
/// </summary>
public sealed class When_a_cross_border_concern_is_observed(ObservedRegion fixture) : IClassFixture<ObservedRegion>
{
    [Fact]
    public async Task No_personal_data_reaches_logs_or_spans()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        await AlignmentKnown(derbyshire, "derbyshire");

        var concern = PoliceConcern(child, reference: "DP-OBSERVED-77");
        concern["concerns"] = "Seen with Zephaniah Brackenbury at Wolfscote Farm.";
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", concern)).CaseId!.Value;
        var today = Today(fixture);
        var meeting = Meeting("initial-strategy", today, Assessment("high"), Plan(1, today));
        meeting["attendance"]!["childViews"] = "Wants to stay near Wolfscote Farm friends.";
        await HoldMeeting(derbyshire, "derbyshire", caseId, meeting);
        await TrackedUntil(nottingham, "nottingham-city", caseId, t => t.Meetings.Count == 1, "the meeting at Nottingham City");

        string[] personal =
        [
            child["familyName"]!.GetValue<string>(), child["localId"]!.GetValue<string>(), child["dateOfBirth"]!.GetValue<string>(),
            "9434765919", "Zephaniah", "Brackenbury", "Wolfscote", "DP-OBSERVED-77",
        ];
        foreach (var span in spans)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = $"{key}={value}";
                Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.Contains(fixture.Lines, l => l.Contains("referral", StringComparison.OrdinalIgnoreCase));
        foreach (var line in fixture.Lines)
        {
            Assert.DoesNotContain(personal, p => line.Contains(p, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_referral_api_is_described_by_openapi()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Region.ReferralPorts["derbyshire"]}") };
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/referrals", paths);
        Assert.Contains("/cases/{id}/meetings", paths);
        Assert.Contains("/tracking/{caseId}/close", paths);
        using var region = new HttpClient { BaseAddress = fixture.Region.RegionServiceUrl };
        Assert.Equal(HttpStatusCode.OK, (await region.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
