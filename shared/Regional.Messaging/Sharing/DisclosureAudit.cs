using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regional.Messaging;

/// <summary>The first entry whose hash does not match its content and its predecessor: where the chain was altered.</summary>
public sealed record AuditBreak(long Position, Guid EntryId, string Reason);

public sealed record AuditVerification(bool Intact, long Entries, AuditBreak? FirstBreak);

/// <summary>The hash chain of the disclosure audit, and the lock that keeps it one chain when writers race.</summary>
public static class DisclosureAudit
{
    public const string Table = "disclosure_audit";

    /// <summary>The predecessor of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 over the previous hash and every field of the entry, in a fixed order with lengths, so no two entries can collide by shifting text between fields.</summary>
    public static string HashOf(DisclosureAuditEntry e, string previousHash)
    {
        var builder = new StringBuilder();
        void Add(string? value) => builder.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
        Add(previousHash);
        Add(e.Position.ToString(CultureInfo.InvariantCulture));
        Add(e.EntryId.ToString("D"));
        Add(e.Kind);
        Add(e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(e.MessageId?.ToString("D"));
        Add(e.What);
        Add(e.Counterpart);
        Add(e.RecipientType);
        Add(e.ChildOwner);
        Add(e.ChildLocalId);
        Add(e.Fields);
        Add(e.Basis);
        Add(e.BasisReference);
        Add(e.RulesVersion.ToString(CultureInfo.InvariantCulture));
        Add(e.ActorRole);
        Add(e.CorrelationId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Takes the chain lock for the rest of <paramref name="db"/>'s current transaction: PostgreSQL and
    /// SQL Server hold it in the database (every process of the service), SQLite (one process, the
    /// embedded default) in this process. Returns what releases it after commit (nothing for the servers).
    /// </summary>
    public static Task<IAsyncDisposable> LockChainAsync(DbContext db, CancellationToken cancellationToken) =>
        // The key is this table's, in every service database; the SQL Server resource is its name.
        CommitLock.AcquireAsync(db, Table, 727274001, cancellationToken);

    /// <summary>Gives the new entries their places and hashes after the last committed one (call holding the lock).</summary>
    public static async Task ChainAsync(DbContext db, IReadOnlyList<DisclosureAuditEntry> added, CancellationToken cancellationToken)
    {
        var last = await db.Set<DisclosureAuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Position)
            .Select(e => new { e.Position, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var position = last?.Position ?? 0;
        var previous = last?.Hash ?? Genesis;
        foreach (var entry in added)
        {
            entry.Position = ++position;
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry, previous);
            previous = entry.Hash;
        }
    }

    /// <summary>Walks the chain from the first entry and reports the first that does not hold.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var previous = Genesis;
        var expected = 1L;
        var count = 0L;
        await foreach (var entry in db.Set<DisclosureAuditEntry>().AsNoTracking().OrderBy(e => e.Position).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            AuditBreak? broken = null;
            if (entry.Position != expected)
            {
                broken = new AuditBreak(entry.Position, entry.EntryId, $"entry {expected} is missing: the chain goes from {expected - 1} to {entry.Position}");
            }
            else if (entry.PreviousHash != previous)
            {
                broken = new AuditBreak(entry.Position, entry.EntryId, "its link to the previous entry does not match that entry's hash");
            }
            else if (HashOf(entry, previous) != entry.Hash)
            {
                broken = new AuditBreak(entry.Position, entry.EntryId, "its content does not match its hash: the row was altered");
            }

            if (broken is not null)
            {
                return new AuditVerification(false, count, broken);
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(true, count, null);
    }

    /// <summary>
    /// PostgreSQL refuses UPDATE, DELETE and TRUNCATE of the audit by trigger, whoever asks (short of a
    /// superuser disabling triggers, which the chain then exposes). Called from each service's
    /// PostgreSQL migration that creates the table.
    /// </summary>
    public static void ProtectInPostgres(MigrationBuilder migrations)
    {
        migrations.Sql("""
            CREATE OR REPLACE FUNCTION regional_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'disclosure_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            """);
        migrations.Sql("""
            CREATE TRIGGER disclosure_audit_append_only BEFORE UPDATE OR DELETE ON disclosure_audit
              FOR EACH ROW EXECUTE FUNCTION regional_refuse_audit_change();
            """);
        migrations.Sql("""
            CREATE TRIGGER disclosure_audit_no_truncate BEFORE TRUNCATE ON disclosure_audit
              FOR EACH STATEMENT EXECUTE FUNCTION regional_refuse_audit_change();
            """);
    }

    /// <summary>As <see cref="ProtectInPostgres"/>, for SQL Server: an INSTEAD OF trigger that refuses the change.</summary>
    public static void ProtectInSqlServer(MigrationBuilder migrations) =>
        migrations.Sql("""
            CREATE TRIGGER disclosure_audit_append_only ON disclosure_audit INSTEAD OF UPDATE, DELETE AS
            BEGIN
              THROW 51000, 'disclosure_audit is append-only', 1;
            END
            """);
}
