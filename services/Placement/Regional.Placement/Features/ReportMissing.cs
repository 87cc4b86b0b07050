using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

/// <summary>The Philomena protocol details, checked alike on a report and an update.</summary>
internal static class MissingDetailsValidator
{
    public static readonly string[] Reporters = ["carer", "host-authority", "placing-authority", "police"];
    public static readonly string[] RiskLevels = ["low", "medium", "high"];
    public const int MaxListItems = 20;

    public static void Validate(
        ValidationErrors errors, string? description, bool descriptionRequired, string? photoReference,
        IReadOnlyList<string>? locations, IReadOnlyList<string>? associates, string? phone, string? riskLevel, bool riskLevelRequired, string? lastSeenAt)
    {
        if (descriptionRequired || description is not null)
        {
            errors.Required("description", description, 2000);
        }

        errors.MaxLength("photoReference", photoReference, 500);
        List("riskAssessedLocations", locations, errors);
        List("associates", associates, errors);
        errors.MaxLength("phone", phone, 40);
        errors.MaxLength("lastSeenAt", lastSeenAt, 500);
        if (string.IsNullOrWhiteSpace(riskLevel))
        {
            if (riskLevelRequired || riskLevel is not null)
            {
                errors.Add("riskLevel", "is required.");
            }
        }
        else if (!RiskLevels.Contains(riskLevel))
        {
            errors.Add("riskLevel", $"must be one of: {string.Join(", ", RiskLevels)}.");
        }
    }

    private static void List(string field, IReadOnlyList<string>? items, ValidationErrors errors)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > MaxListItems)
        {
            errors.Add(field, $"can hold at most {MaxListItems} entries.");
        }

        for (var i = 0; i < Math.Min(items.Count, MaxListItems); i++)
        {
            errors.Required($"{field}[{i}]", items[i], 500);
        }
    }

    public static List<string> Clean(IReadOnlyList<string>? items) => items is null ? [] : [.. items.Select(i => i.Trim())];

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class ReportMissingValidator
{
    public static ValidationErrors Validate(ReportMissingRequest request, DateOnly placementStart, DateTimeOffset now, StatutoryClocks clocks)
    {
        var errors = new ValidationErrors();
        if (request.MissingSince is not { } since)
        {
            errors.Add("missingSince", "is required.");
        }
        else if (since > now)
        {
            errors.Add("missingSince", "cannot be in the future.");
        }
        else if (clocks.Today(since) < placementStart)
        {
            errors.Add("missingSince", $"cannot be before the placement began on {placementStart:yyyy-MM-dd}.");
        }

        if (string.IsNullOrWhiteSpace(request.ReportedBy))
        {
            errors.Add("reportedBy", "is required.");
        }
        else if (!MissingDetailsValidator.Reporters.Contains(request.ReportedBy))
        {
            errors.Add("reportedBy", $"must be one of: {string.Join(", ", MissingDetailsValidator.Reporters)}.");
        }

        MissingDetailsValidator.Validate(
            errors, request.Description, descriptionRequired: true, request.PhotoReference, request.RiskAssessedLocations,
            request.Associates, request.Phone, request.RiskLevel, riskLevelRequired: true, request.LastSeenAt);
        return errors;
    }
}

/// <summary>
/// The placing authority reports its child missing from an out-of-area placement; the host is told
/// in the same transaction. One open episode per placement: a second report is a conflict, not a
/// duplicate to merge, since the first may hold details the second lacks.
/// </summary>
internal static class ReportMissingHandler
{
    public static async Task<Results<Created<MissingEpisodeView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        ReportMissingRequest request,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        StatutoryClocks clocks,
        TimeProvider clock,
        IOptions<PlacementOptions> options,
        RegionDirectory region,
        CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<Created<MissingEpisodeView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var db = work.Db;
            var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (placement is null)
            {
                return TypedResults.NotFound();
            }

            var now = clock.GetUtcNow();
            if (placement.EndDate is { } ended && ended <= clocks.Today(now))
            {
                return Problems.Conflict($"The placement ended on {ended:yyyy-MM-dd}; report the episode against the child's current placement.");
            }

            var errors = ReportMissingValidator.Validate(request, placement.StartDate, now, clocks);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            if (await db.MissingEpisodes.AnyAsync(e => e.PlacementId == id && e.ReturnedAt == null, ct))
            {
                return Problems.Conflict("An episode is already open for this placement; update it, or record the return first.");
            }

            var episode = await MissingEpisodes.OpenAsync(
                db, outbox, region, self.Authority, placement, Guid.CreateVersion7(now), request, options.Value, now, ct);
            return TypedResults.Created($"/placements/{placement.Id}/missing/{episode.Id}", MissingEpisodeView.From(episode, now));
        }, cancellationToken);
}

/// <summary>
/// Opening an episode, the same whoever reported it (the placing authority here, or the host by
/// message): numbered in the child's repeat window, the placement's version moved, the host told and
/// the forces alerted, all in the caller's unit of work.
/// </summary>
internal static class MissingEpisodes
{
    public static async Task<MissingEpisode> OpenAsync(
        PlacementDbContext db,
        CrossBorderOutbox outbox,
        RegionDirectory region,
        string self,
        Domain.Placement placement,
        Guid episodeId,
        ReportMissingRequest request,
        PlacementOptions options,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var since = request.MissingSince!.Value;
        var window = TimeSpan.FromDays(options.RepeatEpisodeWindowDays);
        var from = since - window;
        var earlier = await db.MissingEpisodes
            .Where(e => e.ChildLocalId == placement.Child.LocalId && e.MissingSince > from && e.MissingSince <= since)
            .Select(e => e.MissingSince)
            .ToListAsync(ct);
        var number = MissingClocks.EpisodeNumberInWindow(earlier, since, window);
        var episode = new MissingEpisode
        {
            Id = episodeId,
            PlacementId = placement.Id,
            ChildLocalId = placement.Child.LocalId,
            MissingSince = since,
            ReportedBy = request.ReportedBy!,
            Description = request.Description!.Trim(),
            PhotoReference = MissingDetailsValidator.Clean(request.PhotoReference),
            RiskAssessedLocations = MissingDetailsValidator.Clean(request.RiskAssessedLocations),
            Associates = MissingDetailsValidator.Clean(request.Associates),
            Phone = MissingDetailsValidator.Clean(request.Phone),
            RiskLevel = request.RiskLevel!,
            LastSeenAt = MissingDetailsValidator.Clean(request.LastSeenAt),
            EpisodeNumberInWindow = number,
            Repeat = MissingClocks.IsRepeat(number, options.RepeatEpisodeThreshold),
            ReportedAt = now,
        };
        db.MissingEpisodes.Add(episode);
        MissingEpisodeLookup.Touch(db, placement);
        outbox.Send(db, new MissingEpisodeReported(
            episode.Id, placement.Id, self, placement.HostAuthority, episode.ChildLocalId, episode.MissingSince,
            episode.ReportedBy, episode.Description, episode.PhotoReference, episode.RiskAssessedLocations, episode.Associates,
            episode.Phone, episode.RiskLevel, episode.LastSeenAt, episode.EpisodeNumberInWindow, episode.Repeat, now));
        PoliceAlerts.MissingFromPlacement(outbox, db, region, self, placement, episode, now);
        return episode;
    }
}
