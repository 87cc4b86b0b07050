using System.Security.Cryptography;
using System.Text;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;
using Regional.Messaging;

namespace Regional.Consent.Domain;

/// <summary>
/// One child's consent record, owned by the authority that placed the child. Decisions and
/// overrides are only ever added; what holds is computed from them. Every change that moves the
/// basis for a purpose and recipient type is announced to the authority's own services, which
/// keep their own copy, so the send gate never has to ask across a border.
/// </summary>
public sealed class ConsentRecord : Aggregate, IVersioned
{
    public required string ChildLocalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Moved by every change, so that the record itself is written and two writers cannot both win.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Optimistic concurrency: people and the expiry sweep both write a record.</summary>
    public int Version { get; set; }

    public List<ConsentDecision> Decisions { get; set; } = [];

    public List<SafeguardingOverride> Overrides { get; set; } = [];

    public List<AnnouncedBasis> Announced { get; set; } = [];

    public int NextSequence => Decisions.Count + Overrides.Count + 1;

    public EffectiveBasis Effective(string purpose, RecipientType recipient, DateOnly today) =>
        LawfulBasis.Effective(Decisions, Overrides, purpose, recipient, today);

    /// <summary>Every purpose by every recipient type, in vocabulary order.</summary>
    public IReadOnlyList<EffectiveBasis> Effective(DateOnly today) =>
        [.. Purposes.All.SelectMany(p => Recipients.All.Select(r => Effective(p, r, today)))];

    public IReadOnlyList<LawfulBasisRecorded> Record(ConsentDecision decision, BasisClock clock)
    {
        decision.Sequence = NextSequence;
        Decisions.Add(decision);
        ChangedAt = clock.Now;
        return Announce(clock);
    }

    public IReadOnlyList<LawfulBasisRecorded> Record(SafeguardingOverride safeguarding, BasisClock clock)
    {
        safeguarding.Sequence = NextSequence;
        Overrides.Add(safeguarding);
        ChangedAt = clock.Now;
        return Announce(clock);
    }

    /// <summary>
    /// Sends a <see cref="LawfulBasisRecorded"/> for each purpose and recipient type whose basis is
    /// not what was last announced (a decision, an override, or an override's review date passing),
    /// and returns what it sent.
    /// </summary>
    public IReadOnlyList<LawfulBasisRecorded> Announce(BasisClock clock)
    {
        var changed = new List<LawfulBasisRecorded>();
        foreach (var now in Effective(clock.Today))
        {
            var last = Announced.FirstOrDefault(a => a.Purpose == now.Purpose && a.RecipientType == now.RecipientType);
            if (last is null ? !now.Holds : last.Basis == now.Basis && last.Reference == now.Reference && last.ReviewBy == now.ReviewBy)
            {
                continue;
            }

            if (last is null)
            {
                last = new AnnouncedBasis { ChildLocalId = ChildLocalId, Purpose = now.Purpose, RecipientType = now.RecipientType };
                Announced.Add(last);
            }

            // A basis that stops holding is announced under the basis it was, so the receiver knows what ended.
            var basis = now.Basis ?? last.Basis!;
            var reference = now.Holds ? now.Reference : last.Reference;
            var announcement = new LawfulBasisRecorded(
                BasisId(clock.Authority, ChildLocalId, now.Purpose, now.RecipientType),
                clock.Authority,
                clock.Authority,
                ChildLocalId,
                now.Purpose,
                now.RecipientType,
                basis,
                reference,
                now.Holds,
                clock.Now,
                now.ReviewBy is { } reviewBy ? clock.EndOfDay(reviewBy) : null,
                clock.Now);
            Send(announcement);
            changed.Add(announcement);
            last.Basis = now.Basis;
            last.Reference = now.Reference;
            last.ReviewBy = now.ReviewBy;
            last.AnnouncedAt = clock.Now;
        }

        if (changed.Count > 0)
        {
            ChangedAt = clock.Now;
        }

        return changed;
    }

    /// <summary>
    /// The same id for the same child, purpose and recipient type, whatever the basis: a later
    /// announcement replaces the earlier one at the receiver. A name-based (SHA-256) id, so it
    /// needs no table to stay stable.
    /// </summary>
    public static Guid BasisId(string authority, string childLocalId, string purpose, RecipientType recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"lawful-basis\n{authority}\n{childLocalId}\n{purpose}\n{recipient}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // Marked as an RFC 9562 name-based id (version 8, variant 10) so it is never taken for a random one.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

/// <summary>Who announces and when: the authority, the instant, the region-local day and where a day ends.</summary>
public sealed record BasisClock(string Authority, DateTimeOffset Now, DateOnly Today, Func<DateOnly, DateTimeOffset> EndOfDay);
