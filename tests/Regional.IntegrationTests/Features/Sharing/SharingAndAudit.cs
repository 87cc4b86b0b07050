using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Placement.Data;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Sharing;

/// <summary>
/// The send gate in the running region: what arrives in the host's database is what the rules
/// let go, a share without a basis waits until one is recorded, and each disclosure and each read
/// of another authority's child is in the audit.
/// </summary>
public abstract class When_a_childs_data_crosses_a_border<TRegion>(TRegion fixture)
    where TRegion : RegionFixture
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<T> InPlacementDb<T>(string authority, Func<PlacementDbContext, Task<T>> read)
    {
        await using var scope = fixture.Region.PlacementServices(authority).CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlacementDbContext>());
    }

    protected static JsonObject PlacementWithHealth(string localId)
    {
        var body = SamplePlacement(localId: localId);
        body["health"] = new JsonObject { ["conditions"] = "asthma", ["medication"] = "salbutamol inhaler" };
        body["exploitationRisks"] = "seen with older men at the station";
        return body;
    }

    protected static string NewChild() => $"NC-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Host_receives_no_health_or_exploitation_details_without_a_basis()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var child = NewChild();
        var placement = await RecordPlacement(nottingham, "nottingham-city", PlacementWithHealth(child));
        await InRegister(derbyshire, "derbyshire", placement.Id);

        var stored = await InPlacementDb("derbyshire", db => db.Register.AsNoTracking().SingleAsync(e => e.PlacementId == placement.Id, Ct));
        Assert.Null(stored.Health);
        Assert.Null(stored.ExploitationRisks);
        Assert.Equal(child, stored.Child.LocalId);
        Assert.Equal("Matlock", stored.Address.Town);

        var disclosure = await InPlacementDb("nottingham-city", db => db.Set<DisclosureAuditEntry>().AsNoTracking()
            .SingleAsync(e => e.ChildLocalId == child && e.What == "urn:regional:placements:placement-notice:v1", Ct));
        Assert.Equal(("disclosure", "derbyshire", "statutory"), (disclosure.Kind, disclosure.Counterpart, disclosure.Basis));
        Assert.Contains("reg 13", disclosure.BasisReference);
        var fields = JsonSerializer.Deserialize<List<string>>(disclosure.Fields)!;
        Assert.Contains("child.localId", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("health", StringComparison.Ordinal) || f == "exploitationRisks");
        Assert.Equal("practitioner", disclosure.ActorRole);
    }

    [Fact]
    public async Task A_share_without_a_basis_is_refused_with_422_held_and_sent_once_a_basis_is_recorded()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var child = NewChild();
        var placement = await RecordPlacement(nottingham, "nottingham-city", PlacementWithHealth(child));
        await InRegister(derbyshire, "derbyshire", placement.Id);

        var share = await nottingham.PostAsJsonAsync(
            $"/nottingham-city/placements/{placement.Id}/share",
            new { purpose = "health", health = new { conditions = "asthma", allergies = "penicillin" } }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, share.StatusCode);
        Assert.Equal("application/problem+json", share.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await share.Content.ReadAsStringAsync(Ct))!;
        Assert.Contains("purpose 'health'", problem["errors"]!["basis"]![0]!.GetValue<string>());
        Assert.Equal("health", problem["missingBasis"]![0]!["purpose"]!.GetValue<string>());
        var heldId = Guid.Parse(problem["held"]![0]!["messageId"]!.GetValue<string>());
        var held = await InPlacementDb("nottingham-city", db => db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == heldId, Ct));
        Assert.Equal($"health|HostAuthority|{child}", held.HeldFor);
        Assert.Null(held.DispatchedAt);

        // What the consent service sends when a safeguarding override is recorded for the child.
        await using var bus = await TestBus.StartAsync(fixture.BrokerUri, $"test.bases.{typeof(TRegion).Name}", (_, _) => { });
        var now = DateTimeOffset.UtcNow;
        await bus.SendRaw("nottingham-city.placement", typeof(LawfulBasisRecorded), new LawfulBasisRecorded(
            Guid.NewGuid(), "nottingham-city", "nottingham-city", child, "health", RecipientType.HostAuthority, "safeguarding",
            "dpa-2018-sch1-para18", true, now.AddMinutes(-1), now.AddDays(30), now), Guid.NewGuid());

        var entry = await Eventually.Until(
            () => InRegister(derbyshire, "derbyshire", placement.Id), e => e.Health is not null, what: "the shared health details at the host");
        Assert.Equal(("asthma", "penicillin"), (entry.Health!.Conditions, entry.Health.Allergies));
        Assert.Null(entry.ExploitationRisks);
        var sent = await InPlacementDb("nottingham-city", db => db.Set<DisclosureAuditEntry>().AsNoTracking().SingleAsync(e => e.MessageId == heldId, Ct));
        Assert.StartsWith("safeguarding", sent.Basis);
        Assert.Contains("dpa-2018-sch1-para18", sent.BasisReference);
    }

    [Fact]
    public async Task Reading_another_authoritys_child_is_audited_and_its_authority_told()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        var child = NewChild();
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: child));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        // Waiting for the entry read the register list, which is itself audited.
        var before = await InPlacementDb("derbyshire", db => db.Set<DisclosureAuditEntry>().CountAsync(e => e.ChildLocalId == child, Ct));

        var read = await derbyshire.GetAsync($"/derbyshire/register/{placement.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var entries = await InPlacementDb("derbyshire", db => db.Set<DisclosureAuditEntry>().AsNoTracking().Where(e => e.ChildLocalId == child).OrderBy(e => e.Position).ToListAsync(Ct));
        Assert.Equal(before + 1, entries.Count);
        var entry = entries[^1];
        Assert.Equal(("read", "register-entry", "nottingham-city", "cre-coordinator"), (entry.Kind, entry.What, entry.ChildOwner, entry.ActorRole));
        var notice = await InPlacementDb("derbyshire", db => db.Outbox.AsNoTracking()
            .Where(m => m.Destination == "queue:nottingham-city.consent" && m.MessageType == "urn:regional:consent:child-data-accessed:v1")
            .ToListAsync(Ct));
        var accessed = notice.Select(m => JsonSerializer.Deserialize<ChildDataAccessed>(m.Body, Json)!).Single(a => a.EntryId == entry.EntryId);
        Assert.Equal(("read", child, "derbyshire"), (accessed.Kind, accessed.ChildLocalId, accessed.From));
    }

    [Fact]
    public async Task A_list_that_shows_several_of_an_authoritys_children_tells_it_in_one_batch()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var children = new[] { NewChild(), NewChild() };
        foreach (var child in children)
        {
            var placed = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: child));
            await InRegister(derbyshire, "derbyshire", placed.Id);
        }

        var list = await Register(derbyshire, "derbyshire", includeEnded: true);
        Assert.Contains(list, e => e.Child.LocalId == children[0]);
        Assert.Contains(list, e => e.Child.LocalId == children[1]);

        var batches = await InPlacementDb("derbyshire", db => db.Outbox.AsNoTracking()
            .Where(m => m.MessageType == "urn:regional:consent:child-data-accessed-batch:v1" && m.Destination == "queue:nottingham-city.consent")
            .OrderByDescending(m => m.Sequence).ToListAsync(Ct));
        var latest = JsonSerializer.Deserialize<ChildDataAccessedBatch>(batches[0].Body, Json)!;
        Assert.Equal(list.Count(e => e.PlacingAuthority == "nottingham-city"), latest.Entries.Count);
        Assert.Subset(latest.Entries.Select(e => e.ChildLocalId).ToHashSet(), children.ToHashSet());
        Assert.All(latest.Entries, e => Assert.Equal(("read", "register-entry", "nottingham-city"), (e.Kind, e.What, e.To)));
    }

    [Fact]
    public async Task The_audit_verifies_for_a_coordinator_and_is_closed_to_a_practitioner()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: NewChild()));

        var verify = await coordinator.GetFromJsonAsync<JsonObject>("/nottingham-city/audit/placement/disclosures/verify", Ct);
        Assert.True(verify!["intact"]!.GetValue<bool>());
        Assert.True(verify["entries"]!.GetValue<long>() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await nottingham.GetAsync("/nottingham-city/audit/placement/disclosures/verify", Ct)).StatusCode);
        using var other = await fixture.SignedInAs("derbyshire.cre-coordinator");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/nottingham-city/audit/placement/disclosures/verify", Ct)).StatusCode);
    }

    [Fact]
    public async Task Every_dispatched_message_holds_only_what_its_rule_allows()
    {
        // Driven by the rules file: a new rule is checked here without a new test.
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", PlacementWithHealth(NewChild()));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        Assert.Equal(HttpStatusCode.OK, (await derbyshire.PostAsync($"/derbyshire/register/{placement.Id}/acknowledge", null, Ct)).StatusCode);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");

        var rules = SharingRules.Default;
        var checkedKinds = new HashSet<string>();
        foreach (var authority in new[] { "nottingham-city", "derbyshire" })
        {
            var sent = await InPlacementDb(authority, db => db.Outbox.AsNoTracking().Where(m => m.DispatchedAt != null && m.HeldFor == null).ToListAsync(Ct));
            var bases = await InPlacementDb(authority, db => db.Set<RecordedBasis>().AsNoTracking().ToListAsync(Ct));
            foreach (var message in sent)
            {
                var rule = rules.For(MessageTypes.Resolve(message.MessageType))!;
                var allowed = rule.Recipients.Values.SelectMany(r => r.Fields).ToList();
                // Gated fields may go only where a basis for their purpose was recorded in the sender's service.
                allowed.AddRange(rule.Recipients.Values.SelectMany(r => r.Gated).Where(g => bases.Any(b => b.Purpose == g.Key && b.Holds)).SelectMany(g => g.Value));
                foreach (var path in FieldFilter.Present(JsonNode.Parse(message.Body)))
                {
                    Assert.True(
                        allowed.Any(a => a == path || path.StartsWith(a + ".", StringComparison.Ordinal)),
                        $"{message.MessageType} from {authority} carried '{path}', which its rule does not allow");
                }

                checkedKinds.Add(message.MessageType);
            }
        }

        Assert.Contains("urn:regional:placements:placement-notice:v1", checkedKinds);
        Assert.Contains("urn:regional:placements:notice-acknowledged:v1", checkedKinds);
    }
}

public sealed class When_a_childs_data_crosses_a_border_on_postgres(PostgresRegion fixture)
    : When_a_childs_data_crosses_a_border<PostgresRegion>(fixture), IClassFixture<PostgresRegion>
{
    private readonly PostgresRegion _fixture = fixture;

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry_and_the_chain_exposes_one_who_forces_it()
    {
        using var derbyCity = await _fixture.SignedInAs("derby-city.practitioner");
        using var coordinator = await _fixture.SignedInAs("derby-city.cre-coordinator");
        for (var i = 0; i < 3; i++)
        {
            await RecordPlacement(derbyCity, "derby-city", SamplePlacement(localId: NewChild()));
        }

        await using var connection = new NpgsqlConnection(_fixture.PlacementConnectionStrings["derby-city"]);
        await connection.OpenAsync(Ct);
        var position = await Scalar<long>(connection, "SELECT max(\"Position\") - 1 FROM disclosure_audit");

        var update = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"UPDATE disclosure_audit SET \"Counterpart\" = 'derby-city' WHERE \"Position\" = {position}"));
        Assert.Contains("append-only", update.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"DELETE FROM disclosure_audit WHERE \"Position\" = {position}"));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "TRUNCATE disclosure_audit"));

        // Its own authority's chain alone: the other tests of this class verify Nottingham City's.
        // A superuser can switch triggers off; the chain still shows where the row was altered.
        await Execute(connection, $"SET session_replication_role = replica; UPDATE disclosure_audit SET \"Counterpart\" = 'derby-city' WHERE \"Position\" = {position}; SET session_replication_role = origin;");
        var verify = await coordinator.GetFromJsonAsync<JsonObject>("/derby-city/audit/placement/disclosures/verify", Ct);
        Assert.False(verify!["intact"]!.GetValue<bool>());
        Assert.Equal(position, verify["firstBreak"]!["position"]!.GetValue<long>());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}

public sealed class When_a_childs_data_crosses_a_border_on_sqlite(SqliteRegion fixture)
    : When_a_childs_data_crosses_a_border<SqliteRegion>(fixture), IClassFixture<SqliteRegion>;
