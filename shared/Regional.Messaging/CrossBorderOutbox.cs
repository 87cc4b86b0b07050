using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;

namespace Regional.Messaging;

/// <summary>A message that did not go because no lawful basis for it is recorded; it waits in the outbox.</summary>
public sealed record HeldMessage(Guid MessageId, string MessageKind, string Purpose, RecipientType RecipientType);

/// <summary>
/// The single door through which anything leaves a service for another participant. Every message
/// goes through the sharing rules: the fields its recipient type may not have are removed, a
/// message that needs consent or an override waits (held) until one is recorded, and every
/// disclosure of a child's data is written to the disclosure audit and told to the authority
/// responsible for the child, all in the caller's own unit of work, so the message, its audit entry
/// and the state change that caused it commit together or not at all.
/// </summary>
public sealed class CrossBorderOutbox(
    ServiceIdentity self, SharingPolicy policy, TimeProvider clock, OutboxSignal signal, IHttpContextAccessor? http = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<Pending> _pending = [];
    private readonly List<HeldMessage> _held = [];
    private readonly List<DisclosureAuditEntry> _audit = [];
    private readonly List<ChildDataAccessed> _forward = [];

    /// <summary>More entries than this for one authority in one unit of work go as batches of this size.</summary>
    public const int AccessNoticeBatch = 100;

    /// <summary>What the last commit held back for want of a basis.</summary>
    public IReadOnlyList<HeldMessage> Held => _held;

    /// <summary>Queues an addressed message (which may carry a child's data) for its recipient's own endpoint.</summary>
    public Guid Send<T>(IMessagingDbContext db, T message)
        where T : class, IAddressedMessage =>
        Send(db, (IAddressedMessage)message);

    /// <summary>As <see cref="Send{T}"/>, for a message an aggregate raised, whose type is known only at run time.</summary>
    public Guid Send(IMessagingDbContext db, IAddressedMessage message)
    {
        // Refusals that need no data (no rule, wrong sender, unknown recipient) fail the caller at once.
        var decision = policy.Decide(message, self.Authority);
        var type = message.GetType();
        var rows = type.GetCustomAttribute<DeliveredToAttribute>()!.Services
            .Select(service => Enqueue(db, type, message, $"queue:{ServiceIdentity.QueueFor(message.To, service)}"))
            .ToList();
        _pending.Add(new Pending(rows, message, decision));
        return rows[0].MessageId;
    }

    /// <summary>As <see cref="Publish{T}"/>, for an event an aggregate raised.</summary>
    public Guid Publish(IMessagingDbContext db, IMetadataEvent metadataEvent)
    {
        var decision = policy.DecidePublish(metadataEvent);
        var row = Enqueue(db, metadataEvent.GetType(), metadataEvent, destination: null);
        _pending.Add(new Pending([row], metadataEvent, decision));
        return row.MessageId;
    }

    /// <summary>Queues a metadata-only event for anyone who subscribes (the regional monitor).</summary>
    public Guid Publish<T>(IMessagingDbContext db, T metadataEvent)
        where T : class, IMetadataEvent =>
        Publish(db, (IMetadataEvent)metadataEvent);

    /// <summary>
    /// Records that a user of this authority read (through this service's API) the record of a child
    /// another authority is responsible for: an audit entry here, and an access notice to that authority.
    /// A read of one of our own children records nothing.
    /// </summary>
    public void RecordRead(IMessagingDbContext db, string childOwner, string childLocalId, string resource, IReadOnlyList<string> fields)
    {
        if (childOwner == self.Authority)
        {
            return;
        }

        var entry = NewEntry(
            "read", null, resource, self.Authority, "Reader", childOwner, childLocalId, fields, "public-task",
            "read by a user of this authority in the course of its duties", ActorRole());
        _audit.Add(entry);
        Forward(db, entry);
    }

    /// <summary>Puts a held message back through the gate (a basis for it has been recorded).</summary>
    public void Regate(OutboxMessage held)
    {
        var type = MessageTypes.Resolve(held.MessageType);
        var message = (IAddressedMessage)(JsonSerializer.Deserialize(held.Body, type, Json)
            ?? throw new InvalidOperationException($"Held outbox message {held.Sequence} has an empty body."));
        _pending.Add(new Pending([held], message, policy.Decide(message, self.Authority)));
    }

    /// <summary>Forgets what was queued (the unit of work lost a race and runs its work again).</summary>
    internal void Discard()
    {
        _pending.Clear();
        _held.Clear();
        _audit.Clear();
        _forward.Clear();
    }

    /// <summary>
    /// The audit entries of this unit of work, in the order written. They are added to the context
    /// only once the unit of work has placed them in the chain (their key is their place).
    /// </summary>
    internal List<DisclosureAuditEntry> TakeAudit()
    {
        var taken = _audit.ToList();
        _audit.Clear();
        return taken;
    }

    /// <summary>Wakes the dispatcher; call after the unit of work committed.</summary>
    public void Flush() => signal.Notify();

    /// <summary>
    /// The gate, run by the unit of work before it saves: filters each queued message by its rule and
    /// the bases recorded for its child, holds what needs a basis that is missing, and writes the
    /// audit entries (and their forwarding to the child's authority) for what goes.
    /// </summary>
    internal async Task GateAsync(DbContext db, CancellationToken cancellationToken)
    {
        _held.Clear();
        var bases = new Dictionary<string, List<RecordedBasis>>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var messaging = (IMessagingDbContext)db;

        // Forwarding the audit entries queues messages of their own, which go through the gate in turn.
        var i = 0;
        while (true)
        {
            // The bases of every child this pass needs them for, in one query (a backfill batch holds hundreds).
            var bodies = _pending.Skip(i).Select(p => JsonSerializer.SerializeToNode(p.Message, p.Message.GetType(), Json)!.AsObject()).ToList();
            var wanted = _pending.Skip(i).Zip(bodies)
                .Where(x => x.First.Decision.Rule.Child is not null && NeedsBases(x.First.Decision.Recipient)
                    && OwnerOf(x.First.Message, x.First.Decision.RecipientType) == self.Authority)
                .Select(x => FieldFilter.Select(x.Second, x.First.Decision.Rule.Child!)?.GetValue<string>())
                .OfType<string>()
                .Where(id => !bases.ContainsKey(id))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (var chunk in wanted.Chunk(500))
            {
                foreach (var group in (await db.Set<RecordedBasis>().AsNoTracking().Where(b => chunk.Contains(b.ChildLocalId)).ToListAsync(cancellationToken))
                    .GroupBy(b => b.ChildLocalId, StringComparer.Ordinal))
                {
                    bases[group.Key] = [.. group];
                }

                foreach (var id in chunk.Where(id => !bases.ContainsKey(id)))
                {
                    bases[id] = [];
                }
            }

            for (var first = i; i < _pending.Count; i++)
            {
                var (rows, message, decision) = _pending[i];
                var body = bodies[i - first];
                var childLocalId = decision.Rule.Child is { } childPath ? FieldFilter.Select(body, childPath)?.GetValue<string>() : null;
                if (decision.Rule.Child is not null && string.IsNullOrWhiteSpace(childLocalId))
                {
                    throw new SharingRefusedException($"{message.GetType().Name} does not say which child it is about ({decision.Rule.Child}).");
                }

                var owner = OwnerOf(message, decision.RecipientType);
                List<RecordedBasis> recorded = [];
                if (childLocalId is not null && owner == self.Authority && NeedsBases(decision.Recipient))
                {
                    recorded = bases[childLocalId];
                }

                RecordedBasis? BasisFor(string purpose) => recorded
                    .Where(b => b.Purpose == purpose && b.RecipientType == decision.RecipientType.ToString() && b.HoldsAt(now))
                    // Consent, where it holds, is the basis named: an override is for when it does not.
                    .OrderBy(b => b.Basis == "consent" ? 0 : 1)
                    .FirstOrDefault();

                var rule = decision.Recipient;
                var basisNames = new List<string> { Name(rule.Basis) };
                var references = new List<string?> { rule.Reference };
                if (rule.Basis == LawfulBasisKind.Recorded)
                {
                    var purpose = rule.Purpose ?? FieldFilter.Select(body, rule.PurposeField!)?.GetValue<string>();
                    if (purpose is null || !policy.Rules.Purposes.Contains(purpose))
                    {
                        throw new SharingRefusedException($"{message.GetType().Name} names no known purpose for its recorded basis.");
                    }

                    if (BasisFor(purpose) is not { } holding)
                    {
                        var key = HoldKey(purpose, decision.RecipientType, childLocalId!);
                        var held = body.ToJsonString(Json);
                        foreach (var row in rows)
                        {
                            row.HeldFor = key;
                            row.Body = held;
                        }

                        _held.Add(new HeldMessage(rows[0].MessageId, rows[0].MessageType, purpose, decision.RecipientType));
                        continue;
                    }

                    basisNames[0] = holding.Basis;
                    references[0] = holding.Reference ?? $"{holding.Basis} recorded for {purpose}";
                }

                var allowed = new List<string>(rule.Fields);
                var gated = new List<IReadOnlyList<string>>();
                foreach (var (purpose, fields) in rule.Gated)
                {
                    if (BasisFor(purpose) is { } holding)
                    {
                        allowed.AddRange(fields);
                        gated.Add(fields);
                        basisNames.Add($"{purpose}: {holding.Basis}");
                        references.Add(holding.Reference);
                    }
                }

                var removed = FieldFilter.Apply(body, allowed);

                // A gated basis is named only where fields it let go are in the message.
                for (var g = gated.Count - 1; g >= 0; g--)
                {
                    if (!gated[g].Any(f => FieldFilter.Select(body, f) is not null))
                    {
                        basisNames.RemoveAt(g + 1);
                        references.RemoveAt(g + 1);
                    }
                }

                if (removed.Count > 0 && rule.Excluded == ExcludedFields.Refuse)
                {
                    throw new SharingRefusedException($"{message.GetType().Name} carries fields its rule for {decision.RecipientType} does not allow: {string.Join(", ", removed)}.");
                }

                var filtered = body.ToJsonString(Json);
                foreach (var row in rows)
                {
                    row.Body = filtered;
                    if (row.HeldFor is not null)
                    {
                        // Released: the unit of work runs without change detection here, so say it changed.
                        row.HeldFor = null;
                        db.Entry(row).State = EntityState.Modified;
                    }
                }

                if (decision.Rule.Audited && childLocalId is not null && decision.RecipientType is not (RecipientType.OwnAuthority or RecipientType.RegionalMonitor))
                {
                    var entry = NewEntry(
                        "disclosure", rows[0].MessageId, rows[0].MessageType, ((IAddressedMessage)message).To, decision.RecipientType.ToString(),
                        owner!, childLocalId, FieldFilter.Present(body), string.Join("; ", basisNames),
                        string.Join("; ", references.Where(r => r is not null)), ActorRole());
                    _audit.Add(entry);
                    Forward(messaging, entry);
                }
            }

            if (_forward.Count == 0)
            {
                break;
            }

            SendForwarded(messaging);
        }

        _pending.Clear();
    }

    /// <summary>
    /// The access notices of this unit of work, to each authority responsible for a child: one message
    /// for one entry, batches when a read showed many of its children (a list), so a busy list does not
    /// become a flood; each entry is stored once at the receiver whichever way it came.
    /// </summary>
    private void SendForwarded(IMessagingDbContext db)
    {
        foreach (var owner in _forward.GroupBy(f => f.To, StringComparer.Ordinal))
        {
            var entries = owner.ToList();
            if (entries.Count == 1)
            {
                Send(db, entries[0]);
                continue;
            }

            foreach (var chunk in entries.Chunk(AccessNoticeBatch))
            {
                Send(db, new ChildDataAccessedBatch(NewId.NextSequentialGuid(), self.Authority, owner.Key, chunk));
            }
        }

        _forward.Clear();
    }

    /// <summary>The key a held message waits under, and a recorded basis releases.</summary>
    public static string HoldKey(string purpose, RecipientType recipientType, string childLocalId) =>
        $"{purpose}|{recipientType}|{childLocalId}";

    private static bool NeedsBases(RecipientRule rule) => rule.Basis == LawfulBasisKind.Recorded || rule.Gated.Count > 0;

    /// <summary>The authority responsible for the child: the sender when it tells the host, the recipient when the host reports back, the one an alert names.</summary>
    private string? OwnerOf(object message, RecipientType recipientType) => recipientType switch
    {
        RecipientType.HostAuthority => self.Authority,
        RecipientType.PlacingAuthority => ((IAddressedMessage)message).To,
        RecipientType.OwnAuthority => self.Authority,
        // An alert names the authority responsible for the child, whichever authority raised it.
        RecipientType.PoliceForce => (message as Contracts.Alerts.V1.IChildAlert)?.ResponsibleAuthority,
        _ => null,
    };

    private static string Name(LawfulBasisKind kind) => kind switch
    {
        LawfulBasisKind.Statutory => "statutory",
        LawfulBasisKind.PublicTask => "public-task",
        _ => "recorded",
    };

    /// <summary>Tells the authority responsible for the child (itself, or the placing authority) of the entry, in the same unit of work.</summary>
    private void Forward(IMessagingDbContext db, DisclosureAuditEntry entry) =>
        _forward.Add(new ChildDataAccessed(
            entry.EntryId, self.Authority, entry.ChildOwner, entry.Kind, entry.ChildLocalId, entry.What,
            JsonSerializer.Deserialize<List<string>>(entry.Fields, Json)!, entry.Counterpart, entry.ActorRole, entry.Basis,
            entry.BasisReference, entry.OccurredAt, entry.CorrelationId));

    private DisclosureAuditEntry NewEntry(
        string kind, Guid? messageId, string what, string counterpart, string recipientType, string owner, string childLocalId,
        IReadOnlyList<string> fields, string basis, string? reference, string actorRole) => new()
    {
        EntryId = NewId.NextSequentialGuid(),
        Kind = kind,
        // Whole milliseconds: what every provider stores exactly, so the hash still matches when read back.
        OccurredAt = Instants.AsStored(clock.GetUtcNow()),
        MessageId = messageId,
        What = what,
        Counterpart = counterpart,
        RecipientType = recipientType,
        ChildOwner = owner,
        ChildLocalId = childLocalId,
        Fields = JsonSerializer.Serialize(fields, Json),
        Basis = basis,
        BasisReference = string.IsNullOrEmpty(reference) ? null : reference,
        RulesVersion = policy.Rules.Version,
        ActorRole = actorRole,
        CorrelationId = CorrelationId(),
        // Placed and hashed under the chain lock as the unit of work commits.
        PreviousHash = "",
        Hash = "",
    };


    private string ActorRole()
    {
        var user = http?.HttpContext?.User;
        var roles = user?.FindAll("role").Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        return roles is { Count: > 0 } ? string.Join(",", roles) : "service";
    }

    private string? CorrelationId()
    {
        var header = http?.HttpContext?.Request.Headers["X-Correlation-Id"].ToString();
        return !string.IsNullOrEmpty(header) && header.Length <= 64 ? header : Activity.Current?.TraceId.ToString();
    }

    private OutboxMessage Enqueue(IMessagingDbContext db, Type type, object message, string? destination)
    {
        var row = new OutboxMessage
        {
            MessageId = NewId.NextSequentialGuid(),
            MessageType = MessageTypes.UrnOf(type),
            Destination = destination,
            // Written by the gate, which serialises the message once: what the rule lets go, or as written while held.
            Body = "",
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Outbox.Add(row);
        return row;
    }

    private sealed record Pending(List<OutboxMessage> Rows, object Message, SharingDecision Decision);
}
