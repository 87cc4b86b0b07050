using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Regional.Messaging;

/// <summary>
/// A named lock held for the rest of a context's current transaction, so that writers that number
/// rows (the audit chain, a feed) commit one after another in the order they numbered them.
/// PostgreSQL and SQL Server hold it in the database (every process of the service); SQLite (one
/// process, the embedded default) in this process.
/// </summary>
public static class CommitLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> EmbeddedLocks = new(StringComparer.Ordinal);

    /// <summary>Takes the lock; dispose the result after the transaction ends (it releases nothing on the servers, where the transaction's end does).</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(DbContext db, string name, long key, CancellationToken cancellationToken)
    {
        switch (db.Database.ProviderName)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
                return NoRelease.Instance;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                await db.Database.ExecuteSqlAsync(
                    $"EXEC sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
                return NoRelease.Instance;
            default:
                var gate = EmbeddedLocks.GetOrAdd($"{name}|{db.Database.GetConnectionString()}", _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken);
                return new Release(gate);
        }
    }

    private sealed class NoRelease : IAsyncDisposable
    {
        public static readonly NoRelease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// A service's own step in the one commit path: when <see cref="Applies"/>, the unit of work opens a
/// transaction and runs <see cref="BeforeSaveAsync"/> in it just before the save, keeping what it
/// returns (a lock) until the transaction has ended.
/// </summary>
public interface ICommitStep<in TContext>
    where TContext : DbContext
{
    bool Applies(TContext db);

    Task<IAsyncDisposable> BeforeSaveAsync(TContext db, CancellationToken cancellationToken);
}
