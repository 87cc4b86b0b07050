using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Region;
using Regional.UnitTests.Persistence;

namespace Regional.UnitTests.Sharing;

/// <summary>
/// The send gate over a real (SQLite) service database, as the placement service commits: what is
/// written to the outbox, the audit and the hold, for the messages of the consent story.
/// </summary>
public sealed class When_a_placing_authority_sends_a_childs_data : IAsyncLifetime
{
    private const string Self = "nottingham-city";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
    private ServiceDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PlacementDbContext Db => (PlacementDbContext)_database.Context;

    public async ValueTask InitializeAsync()
    {
        _database = ServiceDatabase.Open("Placement", Regional.ServiceDefaults.DatabaseProvider.Sqlite, $"Data Source={_file}");
        await Db.Database.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private static PlacementNotice Notice(string child = "NC-1") => new(
        Guid.NewGuid(), Guid.NewGuid(), Self, "derbyshire",
        new ChildDetails(child, "Jordan", "Example", new DateOnly(2011, 4, 17), null, "male", null),
        "C2", "foster", new DateOnly(2026, 11, 2), new PlacementAddress("1 Road", null, "Matlock", "DE4 3AG"), false,
        new DateOnly(2026, 11, 2), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1),
        new HealthDetails("asthma", "inhaler", null), "seen with older men at the station");

    private (CrossBorderOutbox Outbox, UnitOfWork<PlacementDbContext> Work) Gate()
    {
        var outbox = new CrossBorderOutbox(new ServiceIdentity(Self, "placement"), new SharingPolicy(new RegionDirectory(TestRegion.Options())), TimeProvider.System, new OutboxSignal());
        return (outbox, new UnitOfWork<PlacementDbContext>(Db, outbox, Options.Create(new UnitOfWorkOptions()), NullLogger<UnitOfWork<PlacementDbContext>>.Instance, []));
    }

    private async Task Basis(string child, string purpose, string basis, bool holds = true, string? reference = null)
    {
        Db.Add(new RecordedBasis
        {
            BasisId = Guid.NewGuid(), ChildLocalId = child, Purpose = purpose, RecipientType = nameof(RecipientType.HostAuthority), Basis = basis,
            Reference = reference, Holds = holds, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), RecordedAt = DateTimeOffset.UtcNow,
        });
        await Db.SaveChangesAsync(Ct);
        Db.ChangeTracker.Clear();
    }

    private async Task<JsonObject> BodyOf(Guid messageId) =>
        JsonNode.Parse((await Db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == messageId, Ct)).Body)!.AsObject();

    [Fact]
    public async Task Without_a_basis_the_notice_goes_without_health_or_exploitation_details()
    {
        var (outbox, work) = Gate();
        var id = outbox.Send(Db, Notice());
        await work.CommitAsync(Ct);

        var body = await BodyOf(id);
        Assert.False(body.ContainsKey("health"));
        Assert.False(body.ContainsKey("exploitationRisks"));
        Assert.Equal("NC-1", body["child"]!["localId"]!.GetValue<string>());
        var entry = await Db.Set<DisclosureAuditEntry>().SingleAsync(Ct);
        Assert.Equal("statutory", entry.Basis);
        Assert.Contains("reg 13", entry.BasisReference);
        Assert.DoesNotContain("health", JsonSerializer.Deserialize<List<string>>(entry.Fields)!);
    }

    [Fact]
    public async Task With_consent_for_health_the_notice_carries_health_and_names_both_bases()
    {
        await Basis("NC-1", "health", "consent");
        var (outbox, work) = Gate();
        var id = outbox.Send(Db, Notice());
        await work.CommitAsync(Ct);

        var body = await BodyOf(id);
        Assert.Equal("asthma", body["health"]!["conditions"]!.GetValue<string>());
        Assert.False(body.ContainsKey("exploitationRisks"));
        var entry = await Db.Set<DisclosureAuditEntry>().SingleAsync(Ct);
        Assert.Equal("statutory; health: consent", entry.Basis);
        Assert.Contains("health.conditions", JsonSerializer.Deserialize<List<string>>(entry.Fields)!);
    }

    [Fact]
    public async Task A_refusal_does_not_count_as_a_basis()
    {
        await Basis("NC-1", "health", "consent", holds: false);
        var (outbox, work) = Gate();
        var id = outbox.Send(Db, Notice());
        await work.CommitAsync(Ct);
        Assert.False((await BodyOf(id)).ContainsKey("health"));
    }

    [Fact]
    public async Task Every_disclosure_is_told_to_the_authority_responsible_for_the_child()
    {
        var (outbox, work) = Gate();
        outbox.Send(Db, Notice());
        await work.CommitAsync(Ct);

        var forwarded = await Db.Outbox.AsNoTracking().SingleAsync(m => m.MessageType == "urn:regional:consent:child-data-accessed:v1", Ct);
        Assert.Equal($"queue:{Self}.consent", forwarded.Destination);
        var accessed = JsonSerializer.Deserialize<ChildDataAccessed>(forwarded.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("disclosure", accessed.Kind);
        Assert.Equal("derbyshire", accessed.Counterpart);
        Assert.Equal("NC-1", accessed.ChildLocalId);
        Assert.Equal((await Db.Set<DisclosureAuditEntry>().SingleAsync(Ct)).EntryId, accessed.EntryId);
    }

    [Fact]
    public async Task Sharing_details_without_a_basis_is_held_and_the_caller_told_which_basis_is_missing()
    {
        var (outbox, work) = Gate();
        var share = new ChildDetailsShared(Guid.NewGuid(), Guid.NewGuid(), Self, "derbyshire", "NC-1", "health", new HealthDetails("asthma", null, null), null, DateTimeOffset.UtcNow);
        var id = outbox.Send(Db, share);
        var missing = await Assert.ThrowsAsync<LawfulBasisMissingException>(() => work.CommitAsync(Ct));

        var held = Assert.Single(missing.Held);
        Assert.Equal(("health", RecipientType.HostAuthority, id), (held.Purpose, held.RecipientType, held.MessageId));
        var row = await Db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == id, Ct);
        Assert.Equal("health|HostAuthority|NC-1", row.HeldFor);
        Assert.Empty(await Db.Set<DisclosureAuditEntry>().ToListAsync(Ct));
    }

    [Fact]
    public async Task A_held_message_goes_once_an_override_is_recorded()
    {
        var (outbox, work) = Gate();
        var id = outbox.Send(Db, new ChildDetailsShared(Guid.NewGuid(), Guid.NewGuid(), Self, "derbyshire", "NC-1", "health", new HealthDetails("asthma", null, null), null, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<LawfulBasisMissingException>(() => work.CommitAsync(Ct));
        Db.ChangeTracker.Clear();

        await Basis("NC-1", "health", "safeguarding", reference: "dpa-2018-sch1-para18");
        var (again, retry) = Gate();
        again.Regate(await Db.Outbox.SingleAsync(m => m.MessageId == id, Ct));
        await retry.CommitAsync(Ct);

        var row = await Db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == id, Ct);
        Assert.Null(row.HeldFor);
        Assert.Equal("asthma", JsonNode.Parse(row.Body)!["health"]!["conditions"]!.GetValue<string>());
        var entry = await Db.Set<DisclosureAuditEntry>().SingleAsync(Ct);
        Assert.Equal(("safeguarding; health: safeguarding", id), (entry.Basis, entry.MessageId));
        Assert.Contains("dpa-2018-sch1-para18", entry.BasisReference);
    }

    [Fact]
    public async Task A_rule_that_refuses_excluded_fields_refuses_the_send_and_nothing_is_written()
    {
        var rules = SharingRules.Parse("""
            { "version": 2, "purposes": [], "messages": { "urn:regional:placements:notice-received:v1": { "recipients": {
              "HostAuthority": { "basis": "statutory", "reference": "reg 13", "excluded": "refuse",
                                 "fields": [ "notificationId", "placementId", "from", "to" ] } } } } }
            """);
        var outbox = new CrossBorderOutbox(new ServiceIdentity(Self, "placement"), new SharingPolicy(new RegionDirectory(TestRegion.Options()), rules), TimeProvider.System, new OutboxSignal());
        var work = new UnitOfWork<PlacementDbContext>(Db, outbox, Options.Create(new UnitOfWorkOptions()), NullLogger<UnitOfWork<PlacementDbContext>>.Instance, []);
        outbox.Send(Db, new NoticeReceived(Guid.NewGuid(), Guid.NewGuid(), Self, "derbyshire", DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<SharingRefusedException>(() => work.CommitAsync(Ct));
        Assert.Contains("receivedAt", refused.Message);
        Db.ChangeTracker.Clear();
        Assert.Empty(await Db.Outbox.AsNoTracking().ToListAsync(Ct));
    }

    [Fact]
    public async Task A_message_held_just_as_its_basis_arrived_is_sent_by_the_next_sweep()
    {
        var (outbox, work) = Gate();
        var id = outbox.Send(Db, new ChildDetailsShared(Guid.NewGuid(), Guid.NewGuid(), Self, "derbyshire", "NC-1", "health", new HealthDetails("asthma", null, null), null, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<LawfulBasisMissingException>(() => work.CommitAsync(Ct));
        Db.ChangeTracker.Clear();
        var (idle, idleWork) = Gate();
        Assert.Equal(0, await HeldMessages.ReleaseAsync(Db, idle, idleWork, TimeProvider.System, Ct));

        // The basis is stored without anyone looking for held messages (the consumer had looked already).
        await Basis("NC-1", "health", "consent");
        var (again, sweep) = Gate();
        Assert.Equal(1, await HeldMessages.ReleaseAsync(Db, again, sweep, TimeProvider.System, Ct));

        var row = await Db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == id, Ct);
        Assert.Null(row.HeldFor);
        Assert.Equal("consent; health: consent", (await Db.Set<DisclosureAuditEntry>().SingleAsync(Ct)).Basis);
    }

    [Fact]
    public async Task A_message_for_several_services_is_queued_once_for_each()
    {
        var (outbox, work) = Gate();
        outbox.Send(Db, new LawfulBasisRecorded(Guid.NewGuid(), Self, Self, "NC-1", "health", RecipientType.HostAuthority, "consent", null, true, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow));
        await work.CommitAsync(Ct);

        var destinations = await Db.Outbox.AsNoTracking().Select(m => m.Destination).OrderBy(d => d).ToListAsync(Ct);
        Assert.Equal([$"queue:{Self}.placement", $"queue:{Self}.referral"], destinations);
        Assert.Empty(await Db.Set<DisclosureAuditEntry>().ToListAsync(Ct));
    }

    [Fact]
    public async Task The_audit_chain_verifies_and_an_altered_row_is_found_at_that_row()
    {
        for (var i = 0; i < 4; i++)
        {
            var (outbox, work) = Gate();
            outbox.Send(Db, Notice($"NC-{i}"));
            await work.CommitAsync(Ct);
        }

        var intact = await DisclosureAudit.VerifyAsync(Db, Ct);
        Assert.Equal((true, 4L), (intact.Intact, intact.Entries));

        await Db.Database.ExecuteSqlRawAsync("UPDATE disclosure_audit SET \"Counterpart\" = 'derby-city' WHERE \"Position\" = 3", Ct);
        var broken = await DisclosureAudit.VerifyAsync(Db, Ct);
        Assert.False(broken.Intact);
        Assert.Equal(3, broken.FirstBreak!.Position);
        Assert.Contains("altered", broken.FirstBreak.Reason);
    }

    [Fact]
    public async Task Several_disclosures_in_one_unit_of_work_are_chained_in_the_order_written()
    {
        var (outbox, work) = Gate();
        var ids = Enumerable.Range(0, 3).Select(i => outbox.Send(Db, Notice($"NC-{i}"))).ToList();
        await work.CommitAsync(Ct);

        var entries = await Db.Set<DisclosureAuditEntry>().AsNoTracking().OrderBy(e => e.Position).ToListAsync(Ct);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Position));
        Assert.Equal(ids.Cast<Guid?>(), entries.Select(e => e.MessageId));
        Assert.True((await DisclosureAudit.VerifyAsync(Db, Ct)).Intact);
    }

    [Fact]
    public async Task A_removed_row_is_found_where_the_chain_skips()
    {
        for (var i = 0; i < 3; i++)
        {
            var (outbox, work) = Gate();
            outbox.Send(Db, Notice($"NC-{i}"));
            await work.CommitAsync(Ct);
        }

        await Db.Database.ExecuteSqlRawAsync("DELETE FROM disclosure_audit WHERE \"Position\" = 2", Ct);
        var broken = await DisclosureAudit.VerifyAsync(Db, Ct);
        Assert.Equal(3, broken.FirstBreak!.Position);
        Assert.Contains("missing", broken.FirstBreak.Reason);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var database = ServiceDatabase.Open("Placement", Regional.ServiceDefaults.DatabaseProvider.Sqlite, $"Data Source={_file}");
            var db = (PlacementDbContext)database.Context;
            var outbox = new CrossBorderOutbox(new ServiceIdentity(Self, "placement"), new SharingPolicy(new RegionDirectory(TestRegion.Options())), TimeProvider.System, new OutboxSignal());
            var work = new UnitOfWork<PlacementDbContext>(db, outbox, Options.Create(new UnitOfWorkOptions()), NullLogger<UnitOfWork<PlacementDbContext>>.Instance, []);
            outbox.Send(db, Notice($"NC-{i}"));
            await work.CommitAsync(Ct);
        }));

        var verification = await DisclosureAudit.VerifyAsync(Db, Ct);
        Assert.Equal((true, 8L), (verification.Intact, verification.Entries));
    }
}
