using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Consent.V1;

namespace Regional.Messaging;

/// <summary>
/// Keeps this service's copy of the bases its own authority's consent service records, and lets go
/// what was held waiting for one. Idempotent by itself: a basis is stored by its id, and an older
/// record never replaces a newer one (the two may arrive in either order).
/// </summary>
public sealed class LawfulBasisRecordedConsumer<TContext>(TContext db, UnitOfWork<TContext> work, CrossBorderOutbox outbox, ServiceIdentity self)
    : IConsumer<LawfulBasisRecorded>
    where TContext : DbContext, IMessagingDbContext
{
    public async Task Consume(ConsumeContext<LawfulBasisRecorded> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        if (m.From != self.Authority)
        {
            // Only an authority's own consent service speaks for its children.
            throw new MisroutedMessageException($"A lawful basis from '{m.From}' reached '{self.QueueName}'.");
        }

        var stored = await db.Set<RecordedBasis>().FirstOrDefaultAsync(b => b.BasisId == m.BasisId, context.CancellationToken);
        if (stored is not null && stored.RecordedAt > m.RecordedAt)
        {
            return;
        }

        if (stored is null)
        {
            stored = new RecordedBasis
            {
                BasisId = m.BasisId,
                ChildLocalId = m.ChildLocalId,
                Purpose = m.Purpose,
                RecipientType = m.RecipientType.ToString(),
                Basis = m.Basis,
            };
            db.Add(stored);
        }

        stored.ChildLocalId = m.ChildLocalId;
        stored.Purpose = m.Purpose;
        stored.RecipientType = m.RecipientType.ToString();
        stored.Basis = m.Basis;
        stored.Reference = m.Reference;
        stored.Holds = m.Holds;
        stored.ValidFrom = m.ValidFrom;
        stored.ValidUntil = m.ValidUntil;
        stored.RecordedAt = m.RecordedAt;

        // Stored first: the gate reads bases from the database. Should the release below not commit,
        // redelivery finds the same record (not older) and releases again.
        await db.SaveChangesAsync(context.CancellationToken);
        if (m.Holds)
        {
            var key = CrossBorderOutbox.HoldKey(m.Purpose, m.RecipientType, m.ChildLocalId);
            foreach (var held in await db.Outbox.Where(o => o.HeldFor == key && o.DispatchedAt == null).OrderBy(o => o.Sequence).ToListAsync(context.CancellationToken))
            {
                outbox.Regate(held);
            }
        }

        try
        {
            await work.CommitAsync(context.CancellationToken);
        }
        catch (LawfulBasisMissingException)
        {
            // Committed; what still lacks a basis (one not valid yet) stays held for the next record.
        }
    }
}

public sealed class LawfulBasisRecordedConsumerDefinition<TContext> : RegionalConsumerDefinition<LawfulBasisRecordedConsumer<TContext>>
    where TContext : DbContext, IMessagingDbContext;
