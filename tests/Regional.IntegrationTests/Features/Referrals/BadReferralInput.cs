using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Referral.Data;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>Bad input is refused with a problem+json naming the field, and nothing is stored or sent.</summary>
public sealed class When_a_concern_or_meeting_has_bad_input(ReferralRegion fixture) : IClassFixture<ReferralRegion>
{
    public static TheoryData<string, string, int> ConcernCases => new()
    {
        { "remove:source", "source", 422 },
        { "set:source=neighbour", "source", 422 },
        { "remove:concerns", "concerns", 422 },
        { "remove:concernDate", "concernDate", 422 },
        { "set:concernDate=2099-01-01", "concernDate", 422 },
        { "set:exploitationTypes=cyber", "exploitationTypes[0]", 422 },
        { "remove:child", "child", 422 },
        { "set:child.nhsNumber=9434765918", "child.nhsNumber", 422 },
        { "set:child.placingAuthority=leicester", "child.placingAuthority", 422 },
        { "raw:concernDate=2026-02-30", "$.concernDate", 400 },
    };

    [Theory]
    [MemberData(nameof(ConcernCases))]
    public async Task A_concern_is_refused_naming_the_field(string mutation, string field, int status)
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var body = PoliceConcern(new JsonObject { ["givenName"] = "Kai", ["familyName"] = "Nobody", ["dateOfBirth"] = "2013-01-01" });
        var before = await Stored();
        var response = await derbyshire.PostAsync("/derbyshire/referrals", Mutate(body, mutation));

        await AssertRefused(response, field, status);
        Assert.Equal(before, await Stored());
    }

    private async Task<(int Referrals, int Outbox)> Stored()
    {
        await using var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        return (await db.Referrals.CountAsync(), await db.Outbox.CountAsync());
    }

    public static TheoryData<string, string> MeetingCases => new()
    {
        { "remove:type", "type" },
        { "set:type=coffee", "type" },
        { "set:type=review", "type" },
        { "set:heldOn=2099-01-01", "heldOn" },
        { "remove:attendance", "attendance" },
        { "remove:attendance.childMissing", "attendance.childMissing" },
        { "remove:assessment", "assessment" },
        { "remove:assessment.toolVersion", "assessment.toolVersion" },
        { "set:assessment.indicators.0.rating=extreme", "assessment.indicators[0].rating" },
        { "set:assessment.indicators.0.code=astrology", "assessment.indicators[astrology]" },
        { "remove:assessment.indicators.0.evidence", "assessment.indicators[going-missing].evidence" },
        { "set:assessment.models.0=pyramid", "assessment.models[pyramid]" },
        { "plan:6", "plan" },
        { "remove:plan", "plan" },
        { "remove:plan.0.actions.0.who", "plan[0].actions[0].who" },
        { "remove:plan.0.actions.0.when", "plan[0].actions[0].when" },
        { "set:nextReviewDate=2099-01-01", "nextReviewDate" },
    };

    [Theory]
    [MemberData(nameof(MeetingCases))]
    public async Task A_meeting_is_refused_naming_the_field(string mutation, string field)
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        await AlignmentKnown(derbyshire, "derbyshire");
        var caseId = await OpenCase();
        var today = Today(fixture);
        var body = Meeting("initial-strategy", today, Assessment("high"), Plan(mutation == "plan:6" ? 6 : 2, today));
        var response = await derbyshire.PostAsync($"/derbyshire/cases/{caseId}/meetings", Mutate(body, mutation));

        await AssertRefused(response, field, 422);
        var reciprocal = await GetCase(derbyshire, "derbyshire", caseId);
        Assert.Empty(reciprocal.Meetings);
        Assert.Null(reciprocal.CurrentLevel);
        await using var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.MessageType == "urn:regional:referrals:reciprocal-review-held:v1"));
    }

    /// <summary>A fresh case for each refusal, so that nothing one case stored could hide another's.</summary>
    private async Task<Guid> OpenCase()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        return (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
    }

    /// <summary><c>remove:a.b</c>, <c>set:a.b=value</c> (numeric segments index arrays), <c>raw:a=text</c> (invalid JSON value).</summary>
    private static StringContent Mutate(JsonObject body, string mutation)
    {
        var (kind, rest) = (mutation.Split(':', 2)[0], mutation.Split(':', 2)[1]);
        var path = rest.Split('=', 2)[0];
        var value = rest.Contains('=') ? rest.Split('=', 2)[1] : null;
        if (kind == "raw")
        {
            var json = body.ToJsonString().Replace($"\"{path}\":\"{body[path]!.GetValue<string>()}\"", $"\"{path}\":\"{value}\"", StringComparison.Ordinal);
            return new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (kind is "remove" or "set")
        {
            var segments = path.Split('.');
            JsonNode parent = body;
            foreach (var segment in segments[..^1])
            {
                parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
            }

            var last = segments[^1];
            if (kind == "remove")
            {
                if (int.TryParse(last, out _))
                {
                    throw new ArgumentException("remove by index is not supported", nameof(mutation));
                }

                parent.AsObject().Remove(last);
            }
            else if (parent is JsonArray array && int.TryParse(last, out var index))
            {
                array[index] = value;
            }
            else if (last == "exploitationTypes")
            {
                parent[last] = new JsonArray(value);
            }
            else
            {
                parent[last] = value;
            }
        }

        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }
}
