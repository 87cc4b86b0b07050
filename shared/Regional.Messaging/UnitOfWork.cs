using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Contracts;

namespace Regional.Messaging;

/// <summary>Who caused a unit of work: it decides whether a person-visible revision moves.</summary>
public enum ChangeOrigin
{
    /// <summary>A person here, or another authority through a message.</summary>
    Person,

    /// <summary>The service's own background work (sweeps): bookkeeping that no person's If-Match should trip on.</summary>
    System,
}

public sealed class UnitOfWorkOptions
{
    public const string SectionName = "UnitOfWork";

    /// <summary>How often a unit of work that lost a race is re-read and re-applied before the caller hears of it.</summary>
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>
/// The one commit path of a service. <see cref="CommitAsync"/> turns what the aggregates raised
/// into outbox rows through the sharing policy, raises versions, saves once and wakes the
/// dispatcher. <see cref="ExecuteAsync{TResult}"/> wraps a use case so that losing a race with
/// another writer (a sweep, a consumer) re-reads and re-applies it instead of failing the caller.
/// </summary>
public sealed partial class UnitOfWork<TContext>(
    TContext db,
    CrossBorderOutbox outbox,
    IOptions<UnitOfWorkOptions> options,
    ILogger<UnitOfWork<TContext>> logger,
    IEnumerable<ICommitStep<TContext>> steps)
    where TContext : DbContext, IMessagingDbContext
{
    public TContext Db => db;

    /// <summary>
    /// Runs <paramref name="work"/> (read, decide, change) and commits what it changed. When the
    /// commit loses a race, the change tracker is cleared and the work runs again on fresh state,
    /// up to <see cref="UnitOfWorkOptions.MaxAttempts"/>; its own checks (a precondition, a rule)
    /// then decide on the new state. A result that is an HTTP error (4xx/5xx) commits nothing.
    /// </summary>
    public async Task<TResult> ExecuteAsync<TResult>(
        Func<CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken,
        ChangeOrigin origin = ChangeOrigin.Person)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await work(cancellationToken);
            if (IsRefusal(result))
            {
                db.ChangeTracker.Clear();
                return result;
            }

            try
            {
                await CommitAsync(cancellationToken, origin);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Math.Max(1, options.Value.MaxAttempts))
            {
                LogRetry(logger, typeof(TContext).Name, attempt);
                db.ChangeTracker.Clear();
                outbox.Discard();
                // A short, growing, jittered pause lets the other writer finish before the re-read.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
        }
    }

    private static bool IsRefusal(object? result) => result switch
    {
        INestedHttpResult nested => IsRefusal(nested.Result),
        IStatusCodeHttpResult { StatusCode: >= 400 } => true,
        _ => false,
    };

    /// <summary>Runs <paramref name="work"/> and commits it, re-applying it on a lost race.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken, ChangeOrigin origin = ChangeOrigin.Person) =>
        ExecuteAsync<bool>(async ct => { await work(ct); return true; }, cancellationToken, origin);

    /// <summary>
    /// The unit-of-work step: outgoing messages of every tracked aggregate into the outbox, every
    /// queued message through the sharing rules (filtered, held for a missing basis, audited), the
    /// audit chained under its lock, versions raised, one save, the dispatcher woken. When a message
    /// was held, the rest is committed and <see cref="LawfulBasisMissingException"/> then tells the caller.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken, ChangeOrigin origin = ChangeOrigin.Person)
    {
        // Each Entries() call would scan every tracked entity again; one scan serves all three
        // passes (what they add is marked Added explicitly), and SaveChanges scans once more itself.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        bool dispatching;
        try
        {
            foreach (var entry in tracker.Entries<Aggregate>().ToList())
            {
                foreach (var message in entry.Entity.TakeOutgoing())
                {
                    switch (message)
                    {
                        case IAddressedMessage addressed:
                            outbox.Send(db, addressed);
                            break;
                        case IMetadataEvent metadata:
                            outbox.Publish(db, metadata);
                            break;
                    }
                }
            }

            await outbox.GateAsync(db, cancellationToken);

            foreach (var entry in tracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            {
                entry.Entity.Version++;
                if (origin == ChangeOrigin.Person && entry.Entity is IRevised revised)
                {
                    revised.Revision++;
                }
            }

            dispatching = tracker.Entries<OutboxMessage>().Any(e => e.State is EntityState.Added or EntityState.Modified);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }

        var audit = outbox.TakeAudit();
        var applying = steps.Where(s => s.Applies(db)).ToList();
        if (audit.Count == 0 && applying.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // The service's own steps (each under its lock), then one audit chain: its last entry is
            // read, the new ones linked after it, and all saved, every lock held to the commit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var locks = new Stack<IAsyncDisposable>();
            try
            {
                foreach (var step in applying)
                {
                    locks.Push(await step.BeforeSaveAsync(db, cancellationToken));
                }

                if (audit.Count > 0)
                {
                    locks.Push(await DisclosureAudit.LockChainAsync(db, cancellationToken));
                    await DisclosureAudit.ChainAsync(db, audit, cancellationToken);
                    db.AddRange(audit);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                while (locks.TryPop(out var held))
                {
                    await held.DisposeAsync();
                }
            }
        }

        if (dispatching)
        {
            outbox.Flush();
        }

        if (outbox.Held.Count > 0)
        {
            throw new LawfulBasisMissingException([.. outbox.Held]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A unit of work on {Database} lost a race (attempt {Attempt}); re-reading and re-applying it")]
    private static partial void LogRetry(ILogger logger, string database, int attempt);
}
