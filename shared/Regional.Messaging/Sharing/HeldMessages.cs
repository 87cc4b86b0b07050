using Microsoft.EntityFrameworkCore;
using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>
/// Lets go what waits for a basis that now holds. <see cref="LawfulBasisRecordedConsumer{TContext}"/>
/// does it as a basis arrives; this catches the one race it cannot see: a message held by a unit of work
/// that read the bases just before a new basis was stored, and committed just after the consumer
/// looked for held messages. Run by the kit's held-message sweep, so nothing waits for ever.
/// </summary>
public static class HeldMessages
{
    public static async Task<int> ReleaseAsync<TContext>(TContext db, CrossBorderOutbox outbox, UnitOfWork<TContext> work, TimeProvider clock, CancellationToken cancellationToken)
        where TContext : DbContext, IMessagingDbContext
    {
        var held = await db.Outbox.Where(m => m.HeldFor != null && m.DispatchedAt == null).OrderBy(m => m.Sequence).Take(500).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return 0;
        }

        var children = held.Select(m => Key.Parse(m.HeldFor!).Child).Distinct(StringComparer.Ordinal).ToList();
        var bases = await db.Set<RecordedBasis>().AsNoTracking().Where(b => children.Contains(b.ChildLocalId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var released = 0;
        foreach (var message in held)
        {
            var key = Key.Parse(message.HeldFor!);
            if (bases.Any(b => b.ChildLocalId == key.Child && b.Purpose == key.Purpose && b.RecipientType == key.RecipientType && b.HoldsAt(now)))
            {
                outbox.Regate(message);
                released++;
            }
        }

        if (released == 0)
        {
            return 0;
        }

        try
        {
            await work.CommitAsync(cancellationToken, ChangeOrigin.System);
        }
        catch (LawfulBasisMissingException missing)
        {
            released -= missing.Held.Count;
        }

        return released;
    }

    private readonly record struct Key(string Purpose, string RecipientType, string Child)
    {
        public static Key Parse(string heldFor)
        {
            var parts = heldFor.Split('|', 3);
            return new Key(parts[0], parts[1], parts[2]);
        }
    }
}
