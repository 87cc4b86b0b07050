using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.RegionService.Data;

/// <summary>The region's own decisions (which risk tool versions are aligned), and its outbox.</summary>
public abstract class RegionDbContext(DbContextOptions options) : DbContext(options), IMessagingDbContext
{
    public DbSet<AlignmentRecord> Alignment => Set<AlignmentRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<AlignmentRecord>(a =>
        {
            a.ToTable("risk_tool_alignment");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.ChangedBy).HasMaxLength(200);
            a.Property(x => x.Revision).IsConcurrencyToken();
        });
    }
}

/// <summary>The current alignment (one row); each change is a new revision, published to every authority.</summary>
public sealed class AlignmentRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Revision { get; set; }

    public List<string> Aligned { get; set; } = [];

    public List<string> Retired { get; set; } = [];

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Subject of the coordinator who changed it (staff, not a child).</summary>
    public string? ChangedBy { get; set; }
}

public sealed class SqliteRegionDbContext(DbContextOptions<SqliteRegionDbContext> options) : RegionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresRegionDbContext(DbContextOptions<PostgresRegionDbContext> options) : RegionDbContext(options);

/// <summary>SQL Server. Instants are native <c>datetimeoffset</c>; text compares ordinally, as on the other providers.</summary>
public sealed class SqlServerRegionDbContext(DbContextOptions<SqlServerRegionDbContext> options) : RegionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(Persistence.SqlServerCollation);
    }
}
