using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Alerts.Features;

/// <summary>A force's inbox: its alerts only, open ones by deadline first; one alert by its reference.</summary>
internal static class InboxQueries
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<AlertView[]>, ProblemHttpResult>> List(
        string force, string? status, string? kind, int? limit, AlertsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (status is not null && !AlertStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be one of: {string.Join(", ", AlertStatuses.All)}.");
        }

        if (kind is not null && !AlertKinds.All.Contains(kind))
        {
            errors.Add("kind", $"must be one of: {string.Join(", ", AlertKinds.All)}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var query = db.Alerts.AsNoTracking().Where(a => a.Force == force);
        query = status switch
        {
            AlertStatuses.Acknowledged => query.Where(a => a.AcknowledgedAt != null),
            AlertStatuses.Escalated => query.Where(a => a.AcknowledgedAt == null && a.EscalatedAt != null),
            AlertStatuses.Open => query.Where(a => a.AcknowledgedAt == null && a.EscalatedAt == null),
            _ => query,
        };
        if (kind is not null)
        {
            query = query.Where(a => a.Kind == kind);
        }

        // Unacknowledged first, soonest deadline first: what an officer must act on is on top.
        var alerts = await query
            .OrderBy(a => a.AcknowledgedAt != null)
            .ThenBy(a => a.DeadlineAt)
            .ThenBy(a => a.Sequence)
            .Take(limit ?? DefaultLimit)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(alerts.Select(a => AlertViews.From(a, now)).ToArray());
    }

    public static async Task<Results<Ok<AlertView>, NotFound>> Get(
        string force, string reference, AlertsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Force == force && a.Reference == reference, cancellationToken) is { } alert
            ? TypedResults.Ok(AlertViews.From(alert, clock.GetUtcNow()))
            : TypedResults.NotFound();
}

/// <summary>
/// An officer or the force's system acknowledges an alert. The first acknowledgement stands and a
/// repeat answers with it, so a force system may retry safely; an acknowledgement racing the
/// escalation sweep is re-applied on the sweep's result (the alert is then acknowledged, late).
/// </summary>
internal static class AcknowledgeAlert
{
    public static async Task<Results<Ok<AlertView>, NotFound, ProblemHttpResult>> Handle(
        string force,
        string reference,
        AcknowledgeAlertRequest? request,
        HttpContext http,
        UnitOfWork<AlertsDbContext> work,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.MaxLength("by", request?.By, 200);
        var by = string.IsNullOrWhiteSpace(request?.By) ? http.User.FindFirst(RegionalClaims.Name)?.Value ?? http.User.GetSubject() : request!.By!.Trim();
        if (string.IsNullOrWhiteSpace(by))
        {
            errors.Add("by", "is required when the token names nobody.");
        }

        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        return await work.ExecuteAsync<Results<Ok<AlertView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var alert = await work.Db.Alerts.FirstOrDefaultAsync(a => a.Force == force && a.Reference == reference, ct);
            if (alert is null)
            {
                return TypedResults.NotFound();
            }

            var now = clock.GetUtcNow();
            alert.Acknowledge(by!, now);
            return TypedResults.Ok(AlertViews.From(alert, now));
        }, cancellationToken);
    }
}
