using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regional.Consent.Domain;
using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.Consent.Data;

/// <summary>
/// One authority's consent database: its children's consent records (decisions, overrides, the
/// bases last announced), the "who saw what" log about them, and its outbox and inbox.
/// </summary>
public abstract class ConsentDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<ConsentRecord> Records => Set<ConsentRecord>();

    public DbSet<ConsentDecision> Decisions => Set<ConsentDecision>();

    public DbSet<SafeguardingOverride> Overrides => Set<SafeguardingOverride>();

    public DbSet<AnnouncedBasis> Announced => Set<AnnouncedBasis>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<ConsentRecord>(r =>
        {
            r.ToTable("consent_records");
            r.HasKey(x => x.ChildLocalId);
            r.Property(x => x.ChildLocalId).HasMaxLength(50);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.NextSequence);
            r.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.ChildLocalId);
            r.HasMany(x => x.Overrides).WithOne().HasForeignKey(o => o.ChildLocalId);
            r.HasMany(x => x.Announced).WithOne().HasForeignKey(a => a.ChildLocalId);
        });

        modelBuilder.Entity<ConsentDecision>(d =>
        {
            d.ToTable("consent_decisions");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.ChildLocalId).HasMaxLength(50);
            d.Property(x => x.Decision).HasMaxLength(20);
            d.Property(x => x.Purpose).HasMaxLength(40);
            d.Property(x => x.RecipientType).HasConversion<string>().HasMaxLength(40);
            d.Property(x => x.GivenBy).HasMaxLength(20);
            d.Property(x => x.Note).HasMaxLength(2000);
            d.Property(x => x.RecordedBy).HasMaxLength(200);
            d.HasIndex(x => new { x.ChildLocalId, x.Sequence }).IsUnique();
        });

        modelBuilder.Entity<SafeguardingOverride>(o =>
        {
            o.ToTable("safeguarding_overrides");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.ChildLocalId).HasMaxLength(50);
            o.Property(x => x.Purpose).HasMaxLength(40);
            o.Property(x => x.RecipientType).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.LawfulBasis).HasMaxLength(60);
            o.Property(x => x.Reason).HasMaxLength(4000);
            o.Property(x => x.ApprovedBy).HasMaxLength(200);
            o.Property(x => x.ApproverRole).HasMaxLength(40);
            o.Property(x => x.RecordedBy).HasMaxLength(200);
            o.HasIndex(x => new { x.ChildLocalId, x.Sequence }).IsUnique();
        });

        modelBuilder.Entity<AnnouncedBasis>(a =>
        {
            a.ToTable("announced_bases");
            a.HasKey(x => new { x.ChildLocalId, x.Purpose, x.RecipientType });
            a.Property(x => x.ChildLocalId).HasMaxLength(50);
            a.Property(x => x.Purpose).HasMaxLength(40);
            a.Property(x => x.RecipientType).HasConversion<string>().HasMaxLength(40);
            a.Property(x => x.Basis).HasMaxLength(20);
            a.Property(x => x.Reference).HasMaxLength(60);
            // The expiry sweep's query.
            a.HasIndex(x => new { x.Basis, x.ReviewBy });
        });

        modelBuilder.Entity<AccessLogEntry>(e =>
        {
            e.ToTable("access_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.From).HasMaxLength(40);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.ChildLocalId).HasMaxLength(50);
            e.Property(x => x.What).HasMaxLength(200);
            e.Property(x => x.Counterpart).HasMaxLength(100);
            // As wide as the senders' disclosure audit, whose entries these are.
            e.Property(x => x.ActorRole).HasMaxLength(100);
            e.Property(x => x.Basis).HasMaxLength(200);
            e.Property(x => x.BasisReference).HasMaxLength(1000);
            e.Property(x => x.CorrelationId).HasMaxLength(100);
            e.Property(x => x.Fields).HasConversion(new ValueConverter<List<string>, string>(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<List<string>>(s, Json) ?? new List<string>()))
                .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToList()));
            // A sender's entry is stored once, however often it is delivered or re-sent.
            e.HasIndex(x => new { x.EntryId, x.From }).IsUnique();
            e.HasIndex(x => new { x.ChildLocalId, x.OccurredAt });
        });
    }
}

/// <summary>SQLite, the embedded default. Instants are stored as UTC ticks so that SQL can order and compare them.</summary>
public sealed class SqliteConsentDbContext(DbContextOptions<SqliteConsentDbContext> options) : ConsentDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, the server database.</summary>
public sealed class PostgresConsentDbContext(DbContextOptions<PostgresConsentDbContext> options) : ConsentDbContext(options);

/// <summary>SQL Server. Instants are native <c>datetimeoffset</c>; text compares ordinally, as on the other providers.</summary>
public sealed class SqlServerConsentDbContext(DbContextOptions<SqlServerConsentDbContext> options) : ConsentDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Persistence.SqlServerCollation);
    }
}
