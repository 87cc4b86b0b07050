using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Regional.Contracts.Alerts.V1;
using Regional.Client;
using Regional.IntegrationTests.Features.Alerts;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Hostile;

/// <summary>
/// Issue 11: a generated corpus of hostile requests to every write endpoint, through the gateway as
/// a case system sends them. None may get a 5xx; every refusal is problem+json, a 400 or 422 names
/// a field, and no database of the region changes by a single byte for a refused request. Each
/// endpoint's valid body is sent last, and must be accepted: a corpus refused for another reason
/// would test nothing.
/// </summary>
public sealed partial class When_a_case_system_sends_hostile_input(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    private const int PerEndpoint = 34;
    private static readonly string[] Documents = ["placement", "referral", "consent", "region", "alerts"];

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [Fact]
    public async Task Every_write_endpoint_in_the_API_descriptions_is_in_the_corpus()
    {
        var described = await DescribedWriteEndpoints();
        var covered = Endpoints(World.Placeholder).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(described);
        var missing = described.Where(d => !covered.Contains(d)).ToList();
        Assert.True(missing.Count == 0, $"write endpoints with no hostile corpus (add them to {nameof(Endpoints)}): {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task No_request_gets_a_5xx_every_refusal_names_a_field_and_no_database_changes()
    {
        var seed = HostileCorpus.Seed;
        var world = await SetScene();
        var described = (await DescribedWriteEndpoints()).ToHashSet(StringComparer.Ordinal);
        var endpoints = Endpoints(world).Where(e => described.Contains(e.Key)).ToList();
        var corpus = HostileCorpus.Generate(endpoints, seed, PerEndpoint);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var caller in endpoints.Select(e => e.Caller).Distinct())
        {
            clients[caller] = await fixture.SignedInAs(caller);
        }

        var snapshot = DatabaseSnapshot.Of(fixture);
        var before = await snapshot.SettledAsync(TimeSpan.FromSeconds(60));
        var failures = new List<string>();
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, int>();
        var (serverErrors, unnamed, limited) = (0, 0, 0);
        var clock = Stopwatch.StartNew();

        foreach (var request in corpus)
        {
            var (status, problem, contentType) = await Send(clients[request.Endpoint.Caller], request);
            if (status == 429)
            {
                // The rate limiter, not input handling: wait for the bucket and send it again.
                limited++;
                await Task.Delay(TimeSpan.FromSeconds(1.1));
                (status, problem, contentType) = await Send(clients[request.Endpoint.Caller], request);
            }

            if (status != 429)
            {
                sent[request.Endpoint.Group] = sent.GetValueOrDefault(request.Endpoint.Group) + 1;
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            // An accepted request (itself a failure) sends messages that land later: let them, so
            // that no later refusal is blamed for them.
            var after = status is >= 200 and < 300 ? await snapshot.SettledAsync(TimeSpan.FromSeconds(30)) : await snapshot.TakeAsync();
            var changed = DatabaseSnapshot.Differences(before, after);
            before = after;

            if (status >= 500)
            {
                serverErrors++;
                failures.Add($"{status} for {request}");
            }
            else if (status < 400)
            {
                failures.Add($"{status}: accepted {request}");
            }
            else if (contentType != "application/problem+json")
            {
                failures.Add($"{status} as {contentType ?? "no content type"}, not problem+json, for {request}");
            }
            else if (status is 400 or 422)
            {
                var fields = problem?["errors"] as JsonObject;
                if (fields is null || fields.Count == 0)
                {
                    unnamed++;
                    failures.Add($"{status} naming no field for {request}: {Shorten(problem?.ToJsonString())}");
                }
                else if (request.ExpectedField is { } expected && !fields.Any(f => Names(f.Key, expected)))
                {
                    failures.Add($"{status} naming {string.Join(", ", fields.Select(f => f.Key))}, not {expected}, for {request}");
                }
            }

            if (status >= 400 && changed.Count > 0)
            {
                failures.Add($"{status} but the databases changed ({string.Join("; ", changed)}) for {request}");
            }
        }

        var total = sent.Values.Sum();
        var summary = $"seed {seed} ({HostileCorpus.SeedVariable}); {total} requests in {clock.Elapsed.TotalSeconds:F0} s "
                      + $"({string.Join(", ", sent.Select(s => $"{s.Key} {s.Value}"))}); statuses {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}; "
                      + $"5xx {serverErrors}; 400/422 naming no field {unnamed}; rate-limited and re-sent {limited}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "regional-hostile-input.txt"), summary + "\n" + string.Join("\n", failures));

        failures.AddRange(await Controls(world, clients, endpoints));
        Assert.True(failures.Count == 0, $"{failures.Count} failures; {summary}\n{string.Join("\n", failures.Take(60))}");
        Assert.True(total >= 500, $"only {total} requests were answered other than 429: {summary}");
        Assert.Equal(endpoints.Select(e => e.Group).Distinct().Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Each endpoint's unmutated body is accepted, so what the corpus refused was refused for what it broke.</summary>
    private async Task<List<string>> Controls(World world, Dictionary<string, HttpClient> clients, List<WriteEndpoint> endpoints)
    {
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => e.Control))
        {
            var body = endpoint.Body?.Invoke()?.ToJsonString();
            using var message = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            if (body is not null)
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await clients[endpoint.Caller].SendAsync(message);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"control: the valid body of {endpoint.Key} was refused with {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        return failures;
    }

    private static async Task<(int Status, JsonObject? Problem, string? ContentType)> Send(HttpClient client, HostileRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Endpoint.Method), request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? problem = null;
        try
        {
            problem = text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (JsonException)
        {
            // Judged by its content type below.
        }

        return ((int)response.StatusCode, problem, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A problem's field names the expected one: <c>child.nhsNumber</c>, or the JSON path <c>$.child.nhsNumber</c>, or a part of it.</summary>
    private static bool Names(string key, string expected)
    {
        // A list's item may be named by its index or by its value (assessment.models[gangs-county-lines]).
        static string Plain(string field) => Brackets().Replace(field.TrimStart('$').TrimStart('.'), "[]").ToLowerInvariant();
        var (k, e) = (Plain(key), Plain(expected));
        return k == e || (k.Length > 0 && (k.StartsWith(e, StringComparison.Ordinal) || e.StartsWith(k, StringComparison.Ordinal))) || (k.Length == 0 && !e.Contains('.', StringComparison.Ordinal));
    }

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length > 300 ? text[..300] + "..." : text;

    private async Task<List<string>> DescribedWriteEndpoints()
    {
        using var anonymous = fixture.Anonymous();
        var keys = new List<string>();
        foreach (var document in Documents)
        {
            var description = await anonymous.GetFromJsonAsync<JsonObject>($"/openapi/{document}.json");
            foreach (var (path, operations) in description!["paths"]!.AsObject())
            {
                foreach (var (method, _) in operations!.AsObject())
                {
                    if (method is "post" or "put" or "patch" or "delete")
                    {
                        keys.Add(Key(document, method.ToUpperInvariant(), path));
                    }
                }
            }
        }

        return keys;
    }

    private static string Key(string document, string method, string path)
    {
        var template = RouteParameter().Replace(path, "{$1}").TrimEnd('/');
        return $"{document} {method} {(template.Length > 0 ? template : "/")}";
    }

    // ---- the scene and the endpoints ----

    /// <summary>The records the hostile requests aim at: each endpoint's target exists and would accept a valid body.</summary>
    public sealed record World(
        Guid Placed,
        string PlacedChild,
        Guid Ending,
        Guid OpenPlacement,
        Guid OpenEpisode,
        Guid ReturnedPlacement,
        Guid ReturnedEpisode,
        Guid Case,
        string AlertReference,
        JsonObject Child)
    {
        public static readonly World Placeholder = new(Guid.Empty, "NC-0", Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, "DP-0", new JsonObject
        {
            ["givenName"] = "Kai", ["familyName"] = "Example", ["dateOfBirth"] = "2013-01-01",
        });
    }

    private async Task<World> SetScene()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        using var derbyshireCre = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var police = await PoliceApi.Officer(fixture, PoliceApi.Derbyshire);
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));

        var (placed, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var placedChild = (await GetPlacement(nottingham, "nottingham-city", placed)).Child.LocalId;
        // Consent to share his health details with the host, so that a valid share is sent rather than held.
        Assert.Equal(HttpStatusCode.Created, (await nottingham.PostAsJsonAsync($"/nottingham-city/consent/children/{placedChild}/decisions", new
        {
            decision = "consent", purpose = "health", recipientType = "HostAuthority", givenBy = "parent-carer", decidedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        })).StatusCode);

        async Task<Guid> Place()
        {
            var body = SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]);
            body["startDate"] = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd");
            var placement = await RecordPlacement(nottingham, "nottingham-city", body);
            await InRegister(derbyshire, "derbyshire", placement.Id);
            return placement.Id;
        }

        async Task<Guid> Missing(Guid placementId, DateTimeOffset since) =>
            Ok(await RegionalClients.Placements(nottingham).ReportMissing("nottingham-city", placementId,
                Regional.IntegrationTests.Features.Missing.MissingScene.ReportBody(since).Deserialize<ReportMissingRequest>(Json)!), HttpStatusCode.Created).Id;

        var ending = await Place();
        var open = await Place();
        var openEpisode = await Missing(open, now.AddHours(-3));
        var returned = await Place();
        var returnedEpisode = await Missing(returned, now.AddHours(-5));
        Assert.Equal(HttpStatusCode.OK, (await nottingham.PostAsJsonAsync($"/nottingham-city/placements/{returned}/missing/{returnedEpisode}/return",
            new { returnedAt = now.AddHours(-4), foundWhere = "a friend's flat", foundBy = "Derbyshire Constabulary" })).StatusCode);

        var concern = await RaiseConcern(derbyshireCre, "derbyshire", PoliceConcern(child, reference: $"DP-{Guid.NewGuid():N}"[..14]));
        var caseId = concern.CaseId ?? throw new InvalidOperationException("the concern opened no reciprocal case");
        await Eventually.Until(() => TrackingList(nottingham, "nottingham-city"), t => t.Any(c => c.CaseId == caseId), what: "the case in Nottingham City's tracking");

        var alert = await PoliceApi.AlertAbout(police, PoliceApi.Derbyshire, openEpisode, AlertKinds.MissingFromPlacement);
        return new World(placed, placedChild, ending, open, openEpisode, returned, returnedEpisode, caseId, alert.Reference, child);
    }

    /// <summary>
    /// Every write endpoint, keyed as its service's OpenAPI description names it. The order is the
    /// order the controls run in (a missing report before the episode's update, a meeting before
    /// the proposal to close).
    /// </summary>
    private static List<WriteEndpoint> Endpoints(World w)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        const string Nottingham = "nottingham-city.practitioner";
        const string DerbyshireCre = "derbyshire.cre-coordinator";
        var placement = new[] { "child", "child.givenName", "startDate", "hostAuthority", "isEmergency" };
        var placementCodes = new[] { "hostAuthority", "legalStatus", "placementType", "child.gender" };
        var details = new JsonObject
        {
            ["description"] = "Slight build, grey hoodie, white trainers",
            ["riskLevel"] = "medium",
            ["photoReference"] = "PH-2026-0042",
        };

        return
        [
            new("placement POST /placements", "placements", Nottingham, "POST", "/nottingham-city/placements",
                () => SamplePlacement(localId: "NC-HOSTILE-1"),
                Required: placement, Codes: placementCodes, Dates: ["startDate", "child.dateOfBirth"], NhsNumbers: ["child.nhsNumber"]) { Control = true },
            new("placement POST /placements/batch", "placements", Nottingham, "POST", "/nottingham-city/placements/batch",
                () => new JsonArray(SamplePlacement(localId: "NC-HOSTILE-B1"), SamplePlacement(localId: "NC-HOSTILE-B2", host: "derby-city")),
                Required: [.. placement.Select(p => $"[1].{p}")], Codes: [.. placementCodes.Select(p => $"[0].{p}")],
                Dates: ["[0].startDate", "[1].child.dateOfBirth"], NhsNumbers: ["[0].child.nhsNumber"], Lists: [""]) { Control = true },
            new("placement POST /placements/{id}/end", "placements", Nottingham, "POST", $"/nottingham-city/placements/{w.Ending}/end",
                () => new JsonObject { ["endDate"] = today, ["reason"] = "returned-home" },
                Required: ["endDate", "reason"], Codes: ["reason"], Dates: ["endDate"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{v}/end" },
            new("placement POST /placements/{id}/share", "placements", Nottingham, "POST", $"/nottingham-city/placements/{w.Placed}/share",
                () => new JsonObject
                {
                    ["purpose"] = "health",
                    ["health"] = new JsonObject { ["conditions"] = "Asthma", ["medication"] = "Salbutamol inhaler", ["allergies"] = "Penicillin" },
                },
                Required: ["purpose", "health"], Codes: ["purpose"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{v}/share" },
            new("placement POST /placements/{id}/missing", "missing", Nottingham, "POST", $"/nottingham-city/placements/{w.Placed}/missing",
                () => Regional.IntegrationTests.Features.Missing.MissingScene.ReportBody(now.AddMinutes(-10)),
                Required: ["missingSince", "reportedBy", "description", "riskLevel"], Codes: ["reportedBy", "riskLevel"], Instants: ["missingSince"],
                Lists: ["riskAssessedLocations", "associates"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{v}/missing" },
            new("placement POST /register/{placementId}/missing", "missing", "derbyshire.practitioner", "POST", $"/derbyshire/register/{w.Ending}/missing",
                () => Regional.IntegrationTests.Features.Missing.MissingScene.ReportBody(now.AddMinutes(-10)),
                Required: ["missingSince", "reportedBy", "description", "riskLevel"], Codes: ["reportedBy", "riskLevel"], Instants: ["missingSince"],
                Lists: ["riskAssessedLocations", "associates"])
            { HostilePath = v => $"/derbyshire/register/{v}/missing" },
            new("placement POST /placements/{id}/missing/{episodeId}/update", "missing", Nottingham, "POST",
                $"/nottingham-city/placements/{w.OpenPlacement}/missing/{w.OpenEpisode}/update",
                () => details.DeepClone(), Codes: ["riskLevel"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{w.OpenPlacement}/missing/{v}/update" },
            new("placement POST /placements/{id}/missing/{episodeId}/return", "missing", Nottingham, "POST",
                $"/nottingham-city/placements/{w.OpenPlacement}/missing/{w.OpenEpisode}/return",
                () => new JsonObject { ["returnedAt"] = now.AddMinutes(-1), ["foundWhere"] = "Matlock bus station", ["foundBy"] = "Derbyshire Constabulary" },
                Required: ["returnedAt", "foundWhere", "foundBy"], Instants: ["returnedAt"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{v}/missing/{w.OpenEpisode}/return" },
            new("placement POST /placements/{id}/missing/{episodeId}/return-home-interview", "missing", Nottingham, "POST",
                $"/nottingham-city/placements/{w.ReturnedPlacement}/missing/{w.ReturnedEpisode}/return-home-interview",
                () => new JsonObject { ["outcome"] = "done", ["by"] = "Independent advocate", ["independent"] = true, ["at"] = now.AddMinutes(-1) },
                Required: ["outcome", "by", "independent", "at"], Codes: ["outcome"], Instants: ["at"])
            { Control = true, HostilePath = v => $"/nottingham-city/placements/{w.ReturnedPlacement}/missing/{v}/return-home-interview" },
            new("placement POST /register/{placementId}/acknowledge", "register", "derbyshire.practitioner", "POST", $"/derbyshire/register/{w.Placed}/acknowledge", null)
            { Control = true, HostilePath = v => $"/derbyshire/register/{v}/acknowledge" },

            new("referral POST /referrals", "referrals", DerbyshireCre, "POST", "/derbyshire/referrals",
                () => PoliceConcern(w.Child, reference: "DP-HOSTILE-1", nhsNumber: "943 476 5919"),
                Required: ["source", "concerns", "child"], Codes: ["source", "exploitationTypes[0]"], Dates: ["concernDate", "child.dateOfBirth"],
                NhsNumbers: ["child.nhsNumber"], Lists: ["exploitationTypes"]) { Control = true },
            new("referral POST /cases/{id}/meetings", "referrals", DerbyshireCre, "POST", $"/derbyshire/cases/{w.Case}/meetings",
                () => Meeting("initial-strategy", DateOnly.FromDateTime(DateTime.UtcNow), Assessment("high"), Plan(1, DateOnly.FromDateTime(DateTime.UtcNow)),
                    DateOnly.FromDateTime(DateTime.UtcNow.AddDays(28))),
                Required: ["type", "heldOn", "attendance"],
                Codes: ["type", "assessment.toolVersion", "assessment.indicators[0].code", "assessment.indicators[0].rating", "assessment.models[0]", "assessment.exploitationTypes[0]"],
                Dates: ["heldOn", "nextReviewDate"], Lists: ["plan", "assessment.indicators", "assessment.vulnerabilityFactors"])
            { Control = true, HostilePath = v => $"/derbyshire/cases/{v}/meetings" },
            new("referral POST /cases/{id}/propose-closure", "referrals", DerbyshireCre, "POST", $"/derbyshire/cases/{w.Case}/propose-closure",
                // No closedOn: the host proposes, it does not close, and the service ignores one.
                () => new JsonObject { ["reason"] = "risk-reduced", ["note"] = "No missing episodes for four months." },
                Required: ["reason"], Codes: ["reason"])
            { Control = true, HostilePath = v => $"/derbyshire/cases/{v}/propose-closure" },
            new("referral POST /cases/{id}/close", "referrals", DerbyshireCre, "POST", $"/derbyshire/cases/{w.Case}/close", null)
            { HostilePath = v => $"/derbyshire/cases/{v}/close" },
            new("referral POST /tracking/{caseId}/close", "referrals", Nottingham, "POST", $"/nottingham-city/tracking/{w.Case}/close",
                () => new JsonObject { ["reason"] = "risk-reduced", ["note"] = "No missing episodes for four months.", ["closedOn"] = today },
                Required: ["reason"], Codes: ["reason"], Dates: ["closedOn"])
            { Control = true, HostilePath = v => $"/nottingham-city/tracking/{v}/close" },
            new("referral POST /intelligence", "intelligence", "derby-city.practitioner", "POST", "/derby-city/intelligence",
                () => new JsonObject
                {
                    ["subject"] = "vehicle", ["area"] = "nottinghamshire", ["description"] = "Blue hatchback collecting girls outside school",
                    ["vehicleRegistration"] = "AB12 CDE", ["observedAt"] = now.AddHours(-2),
                },
                Required: ["subject", "area", "description"], Codes: ["subject", "area"], Instants: ["observedAt"]) { Control = true },

            new("consent POST /consent/children/{childId}/decisions", "consent", Nottingham, "POST", "/nottingham-city/consent/children/NC-HOSTILE-C1/decisions",
                () => new JsonObject
                {
                    ["decision"] = "consent", ["purpose"] = "exploitation", ["recipientType"] = "HostAuthority", ["givenBy"] = "parent-carer",
                    ["decidedOn"] = today, ["note"] = "Mother agreed at the review.",
                },
                Required: ["decision", "purpose", "recipientType", "givenBy", "decidedOn"], Codes: ["decision", "purpose", "recipientType", "givenBy"], Dates: ["decidedOn"], PathValues: HostileCorpus.HostileChildIds)
            { Control = true, HostilePath = v => $"/nottingham-city/consent/children/{v}/decisions" },
            new("consent POST /consent/children/{childId}/overrides", "consent", "nottingham-city.cre-coordinator", "POST", "/nottingham-city/consent/children/NC-HOSTILE-C1/overrides",
                () => new JsonObject
                {
                    ["purpose"] = "health", ["recipientType"] = "HostAuthority", ["lawfulBasis"] = "dpa-2018-sch1-para18",
                    ["reason"] = "CRE concern in Derbyshire: the host needs his health needs to plan", ["approvedBy"] = "Team manager, Children in Care",
                    ["approverRole"] = "manager", ["reviewBy"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
                },
                Required: ["purpose", "recipientType", "lawfulBasis", "reason", "approvedBy", "approverRole", "reviewBy"],
                Codes: ["purpose", "recipientType", "lawfulBasis", "approverRole"], Dates: ["reviewBy"], PathValues: HostileCorpus.HostileChildIds)
            { Control = true, HostilePath = v => $"/nottingham-city/consent/children/{v}/overrides" },

            new("region PUT /risk-tool/alignment", "region", "regional.coordinator", "PUT", "/region/risk-tool/alignment",
                () => new JsonObject { ["aligned"] = new JsonArray(AlignedVersion), ["retired"] = new JsonArray() },
                Codes: ["aligned[0]"], Lists: ["aligned", "retired"]) { Control = true },
            new("region POST /risk-tool/versions/{version}/align", "region", "regional.coordinator", "POST", $"/region/risk-tool/versions/{AlignedVersion}/align", null)
            { Control = true, HostilePath = v => $"/region/risk-tool/versions/{v}/align" },
            new("region POST /risk-tool/versions/{version}/retire", "region", "regional.coordinator", "POST", $"/region/risk-tool/versions/{AlignedVersion}/retire", null)
            { HostilePath = v => $"/region/risk-tool/versions/{v}/retire" },

            new("alerts POST /{force}/alerts/{reference}/acknowledge", "police", "derbyshire-police.officer", "POST", $"/police/derbyshire-police/alerts/{w.AlertReference}/acknowledge",
                () => new JsonObject { ["by"] = "PC 1234 Example" })
            { Control = true, OptionalBody = true, HostilePath = v => $"/police/derbyshire-police/alerts/{v}/acknowledge" },
            new("alerts PUT /{force}/push", "police", "derbyshire-police.officer", "PUT", "/police/derbyshire-police/push",
                () => new JsonObject { ["url"] = "https://127.0.0.1:9/regional-alerts" }, Required: ["url"])
            { Control = true, HostilePath = v => $"/police/{v}/push" },
            new("alerts POST /{force}/push/secrets", "police", "derbyshire-police.officer", "POST", "/police/derbyshire-police/push/secrets", null)
            { HostilePath = v => $"/police/{v}/push/secrets" },
            new("alerts POST /{force}/push/deliveries/{id}/resend", "police", "derbyshire-police.officer", "POST", $"/police/derbyshire-police/push/deliveries/{w.OpenEpisode}/resend", null)
            { HostilePath = v => $"/police/derbyshire-police/push/deliveries/{v}/resend" },
            new("alerts DELETE /{force}/push", "police", "derbyshire-police.officer", "DELETE", "/police/derbyshire-police/push", null)
            { Control = true, HostilePath = v => $"/police/{v}/push" },
        ];
    }
}
