using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Api.Consent;
using Regional.Consent.Consumers;
using Regional.Consent.Data;
using Regional.Contracts.Consent.V1;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Features.Consent.ConsentApi;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>
/// "Who saw what": entries reported over the broker by our own and other authorities' services are
/// stored once each and answered in time order, as JSON and as CSV, to a coordinator or manager.
/// </summary>
[Collection(nameof(ConsentCollection))]
public sealed class When_an_authority_asks_who_saw_what_about_its_child(ConsentRegion fixture)
{
    private const string Queue = "nottingham-city.consent";

    private static ChildDataAccessed Entry(string child, DateTimeOffset at, string kind, string from, string counterpart, string what, string[] fields, string? to = null) => new(
        Guid.NewGuid(), from, to ?? "nottingham-city", kind, child, what, fields, counterpart,
        kind == "read" ? "cre-coordinator" : "practitioner",
        kind == "read" ? null : "statutory", kind == "read" ? null : "Care Planning, Placement and Case Review (England) Regulations 2010, reg 13",
        at, $"corr-{Guid.NewGuid():N}"[..13]);

    [Fact]
    public async Task Every_entry_comes_back_once_in_time_order_as_json_and_as_csv()
    {
        var child = NewChildId();
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var notice = Entry(child, t0, "disclosure", "nottingham-city", "derbyshire", "urn:regional:placements:placement-notice:v1", ["child.localId", "child.givenName", "address"]);
        // A field with a comma, a quote and a line break: the CSV must quote it.
        var read = Entry(child, t0.AddHours(5), "read", "derbyshire", "derbyshire", "register-entry", ["child.givenName", "say \"hi\", then\nleave"]);
        var concern = Entry(child, t0.AddHours(2), "disclosure", "derbyshire", "nottingham-city", "urn:regional:referrals:cross-border-concern-raised:v1", ["concerns"]);
        var elsewhere = Entry(child, t0.AddHours(1), "disclosure", "derbyshire", "derbyshire-police", "urn:x", ["concerns"], to: "derbyshire");
        var otherChild = Entry(NewChildId(), t0.AddHours(1), "disclosure", "nottingham-city", "derbyshire", "urn:x", ["address"]);
        var duplicateMessageId = Guid.NewGuid();

        await using (var bus = await TestBus.StartAsync(fixture.BrokerUri, $"consent-tests-{Guid.NewGuid():N}", (_, _) => { }))
        {
            // Out of time order on purpose, an entry for another authority, the same entry under a new message id, and the same message twice.
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), read, Guid.NewGuid());
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), elsewhere, Guid.NewGuid());
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), notice, Guid.NewGuid());
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), notice, duplicateMessageId);
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), concern, duplicateMessageId);
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), concern, Guid.NewGuid());
            await bus.SendRaw(Queue, typeof(ChildDataAccessed), otherChild, Guid.NewGuid());
        }

        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var entries = await Eventually.Until(
            async () => await Read<AccessEntryView[]>(await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access"), HttpStatusCode.OK),
            e => e.Length >= 3, what: "three entries in the access log");
        await Eventually.Until(Settled, done => done, what: "every message consumed or refused");

        entries = await Read<AccessEntryView[]>(await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access"), HttpStatusCode.OK);
        Assert.Equal([notice.EntryId, concern.EntryId, read.EntryId], entries.Select(e => e.EntryId));
        var first = entries[0];
        Assert.Equal(
            ("disclosure", notice.What, "nottingham-city", "derbyshire", "practitioner", "statutory", notice.BasisReference, notice.CorrelationId, t0),
            (first.Kind, first.What, first.From, first.Counterpart, first.ActorRole, first.Basis, first.Reference, first.CorrelationId, first.OccurredAt));
        Assert.Equal(notice.Fields, first.Fields);
        Assert.Equal(("read", "derbyshire"), (entries[2].Kind, entries[2].From));

        var csvResponse = await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access.csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await csvResponse.Content.ReadAsStringAsync());
        Assert.Equal(["occurredAt", "kind", "what", "fields", "from", "counterpart", "actorRole", "basis", "reference", "correlationId", "entryId", "receivedAt"], rows[0]);
        Assert.Equal(entries.Length + 1, rows.Count);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            Assert.Equal(
                [e.OccurredAt.ToString("O"), e.Kind, e.What, string.Join(';', e.Fields), e.From, e.Counterpart, e.ActorRole ?? "", e.Basis ?? "", e.Reference ?? "", e.CorrelationId ?? "", e.EntryId.ToString(), e.ReceivedAt.ToString("O")],
                rows[i + 1]);
        }

        Assert.Equal("child.givenName;say \"hi\", then\nleave", rows[3][3]);
        Assert.Equal(1, (await fixture.Broker.ListQueuesAsync(fixture.VirtualHost)).GetValueOrDefault($"{Queue}_error"));
        await using var scope = fixture.Region.ConsentServices("nottingham-city").CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ConsentDbContext>().AccessLog.AnyAsync(e => e.EntryId == elsewhere.EntryId));

        async Task<bool> Settled()
        {
            await using var scope = fixture.Region.ConsentServices("nottingham-city").CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConsentDbContext>();
            var receipts = await db.Inbox.CountAsync(m => m.Consumer == nameof(ChildDataAccessedConsumer));
            var queues = await fixture.Broker.ListQueuesAsync(fixture.VirtualHost);
            return queues.GetValueOrDefault($"{Queue}_error") == 1 && queues.GetValueOrDefault(Queue) == 0
                   && await db.AccessLog.AnyAsync(e => e.EntryId == otherChild.EntryId) && receipts >= 5;
        }
    }

    [Fact]
    public async Task A_practitioner_may_not_read_it_and_a_manager_may()
    {
        var child = NewChildId();
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        using var manager = await fixture.SignedInAs("nottingham-city.manager");
        using var otherCoordinator = await fixture.SignedInAs("derbyshire.cre-coordinator");

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/nottingham-city/consent/children/{child}/access")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/nottingham-city/consent/children/{child}/access.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCoordinator.GetAsync($"/nottingham-city/consent/children/{child}/access")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/nottingham-city/consent/children/{child}/access")).StatusCode);
    }

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }
}
