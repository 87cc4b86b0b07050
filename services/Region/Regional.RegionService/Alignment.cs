using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regional.Contracts.Monitoring.V1;
using Regional.Messaging;
using Regional.RegionService.Data;
using Regional.RiskTool;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.RegionService;

/// <summary>
/// The coordinator's decision on which tool versions count across borders. Each change is a new
/// revision, stored and published in one transaction, as metadata (version ids, no child).
/// </summary>
internal static class Alignment
{
    public const string Everyone = "all-authorities";

    public static async Task<Ok<AlignmentResponse>> Get(RegionDbContext db, IOptions<AlignmentOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = await db.Alignment.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) ?? Initial(options.Value, clock);
        return TypedResults.Ok(View(current));
    }

    public static Task<Results<Ok<AlignmentResponse>, ProblemHttpResult>> Put(
        AlignmentRequest request, ClaimsPrincipal user, UnitOfWork<RegionDbContext> work, CrossBorderOutbox outbox, IOptions<AlignmentOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check("aligned", request.Aligned, errors);
        Check("retired", request.Retired, errors);
        var both = (request.Aligned ?? []).Intersect(request.Retired ?? []).ToList();
        if (both.Count > 0)
        {
            errors["retired"] = [$"cannot also be aligned: {string.Join(", ", both)}."];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult<Results<Ok<AlignmentResponse>, ProblemHttpResult>>(Problems.Unprocessable(errors));
        }

        return Change(_ => new AlignedVersions(request.Aligned ?? [], request.Retired ?? []), user, work, outbox, options, clock, cancellationToken);
    }

    public static Task<Results<Ok<AlignmentResponse>, ProblemHttpResult>> Align(
        string version, ClaimsPrincipal user, UnitOfWork<RegionDbContext> work, CrossBorderOutbox outbox, IOptions<AlignmentOptions> options, TimeProvider clock,
        CancellationToken cancellationToken) =>
        RiskToolCatalog.Embedded.Contains(version)
            ? Change(current => current.Align(version), user, work, outbox, options, clock, cancellationToken)
            : Task.FromResult<Results<Ok<AlignmentResponse>, ProblemHttpResult>>(Unknown("version", version));

    public static Task<Results<Ok<AlignmentResponse>, ProblemHttpResult>> Retire(
        string version, ClaimsPrincipal user, UnitOfWork<RegionDbContext> work, CrossBorderOutbox outbox, IOptions<AlignmentOptions> options, TimeProvider clock,
        CancellationToken cancellationToken) =>
        RiskToolCatalog.Embedded.Contains(version)
            ? Change(current => current.Retire(version), user, work, outbox, options, clock, cancellationToken)
            : Task.FromResult<Results<Ok<AlignmentResponse>, ProblemHttpResult>>(Unknown("version", version));

    private static async Task<Results<Ok<AlignmentResponse>, ProblemHttpResult>> Change(
        Func<AlignedVersions, AlignedVersions> change, ClaimsPrincipal user, UnitOfWork<RegionDbContext> work, CrossBorderOutbox outbox, IOptions<AlignmentOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // Two coordinators at once: the later change re-applies on top of the earlier one.
        return await work.ExecuteAsync<Results<Ok<AlignmentResponse>, ProblemHttpResult>>(async ct =>
        {
            var now = clock.GetUtcNow();
            var record = await work.Db.Alignment.OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
            if (record is null)
            {
                record = Initial(options.Value, clock);
                work.Db.Alignment.Add(record);
            }

            var next = change(new AlignedVersions(record.Aligned, record.Retired));
            record.Revision++;
            record.Aligned = [.. next.Aligned];
            record.Retired = [.. next.Retired];
            record.ChangedAt = now;
            record.ChangedBy = user.GetSubject();
            Announce(work.Db, outbox, record);
            return TypedResults.Ok(View(record));
        }, cancellationToken);
    }

    internal static void Announce(RegionDbContext db, CrossBorderOutbox outbox, AlignmentRecord record) =>
        outbox.Publish(db, new RiskToolAlignmentChanged(
            record.Revision, [.. record.Aligned], [.. record.Retired], RegionService.Participant, Everyone, record.ChangedAt));

    internal static AlignmentRecord Initial(AlignmentOptions options, TimeProvider clock) => new()
    {
        Revision = 0,
        Aligned = options.InitiallyAligned.Count > 0 ? [.. options.InitiallyAligned] : [RiskToolCatalog.Embedded.Latest.Version],
        Retired = [],
        ChangedAt = clock.GetUtcNow(),
    };

    private static AlignmentResponse View(AlignmentRecord record) =>
        new(record.Revision, record.Aligned, record.Retired, record.ChangedAt, RiskToolCatalog.Embedded.Versions);

    private static void Check(string field, string[]? versions, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (versions?.Length ?? 0); i++)
        {
            if (!RiskToolCatalog.Embedded.Contains(versions![i]))
            {
                errors[$"{field}[{i}]"] = [$"'{versions[i]}' is not a known risk tool version; known versions are {string.Join(", ", RiskToolCatalog.Embedded.Versions)}."];
            }
        }
    }

    private static ProblemHttpResult Unknown(string field, string version) => Problems.Unprocessable(new Dictionary<string, string[]>
    {
        [field] = [$"'{version}' is not a known risk tool version; known versions are {string.Join(", ", RiskToolCatalog.Embedded.Versions)}."],
    });
}

/// <summary>
/// On every start, (re)announces the current alignment, first storing the initial one: an
/// authority whose queue was bound after the last change, or whose database was rebuilt, learns
/// it without waiting for the next change. Receivers ignore a revision they already hold.
/// </summary>
internal sealed class AnnounceAlignmentOnStart(IServiceScopeFactory scopes, IOptions<AlignmentOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork<RegionDbContext>>();
        var db = work.Db;
        var outbox = scope.ServiceProvider.GetRequiredService<CrossBorderOutbox>();
        var record = await db.Alignment.OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            record = Alignment.Initial(options.Value, clock);
            record.Revision = 1;
            db.Alignment.Add(record);
        }

        Alignment.Announce(db, outbox, record);
        await work.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
