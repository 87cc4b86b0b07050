using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.Alerts.Features;

/// <summary>
/// A force's push set-up: its endpoint (registered or replaced, switched off), its signing secrets
/// (each shown once, when made; rotation keeps the old one signing for an overlap), and its
/// deliveries, with a re-send for one that died.
/// </summary>
internal static class PushAdmin
{
    public static async Task<Results<Ok<PushSubscriptionView>, NotFound>> Get(
        string force, AlertsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.PushSubscriptions.Include(s => s.Secrets).AsNoTracking().FirstOrDefaultAsync(s => s.Force == force, cancellationToken) is { } subscription
            ? TypedResults.Ok(AlertViews.From(subscription, clock.GetUtcNow()))
            : TypedResults.NotFound();

    /// <summary>Registers the endpoint, or replaces its address; the first registration makes the first secret and shows it.</summary>
    public static async Task<Results<Ok<PushSubscriptionView>, ProblemHttpResult>> Put(
        string force, PushSubscriptionRequest? request, UnitOfWork<AlertsDbContext> work, TimeProvider clock, IOptions<AlertsOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var url = CheckUrl(request?.Url, options.Value.Push.AllowHttpLoopback, errors);
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        return await work.ExecuteAsync<Results<Ok<PushSubscriptionView>, ProblemHttpResult>>(async ct =>
        {
            var now = clock.GetUtcNow();
            var subscription = await work.Db.PushSubscriptions.Include(s => s.Secrets).FirstOrDefaultAsync(s => s.Force == force, ct);
            string? secret = null;
            if (subscription is null)
            {
                subscription = new PushSubscription { Force = force, Url = url!, Enabled = true, CreatedAt = now, UpdatedAt = now };
                var first = PushSecret.Create(force, now);
                subscription.Secrets.Add(first);
                secret = first.Secret;
                work.Db.PushSubscriptions.Add(subscription);
            }
            else
            {
                subscription.Url = url!;
                subscription.Enabled = true;
                subscription.UpdatedAt = now;
            }

            return TypedResults.Ok(AlertViews.From(subscription, now, secret));
        }, cancellationToken);
    }

    /// <summary>Stops pushing (the feed still serves every alert); deliveries not yet made wait, and go if it is switched on again.</summary>
    public static async Task<Results<NoContent, NotFound>> Disable(
        string force, UnitOfWork<AlertsDbContext> work, TimeProvider clock, CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<NoContent, NotFound>>(async ct =>
        {
            var subscription = await work.Db.PushSubscriptions.FirstOrDefaultAsync(s => s.Force == force, ct);
            if (subscription is null)
            {
                return TypedResults.NotFound();
            }

            subscription.Enabled = false;
            subscription.UpdatedAt = clock.GetUtcNow();
            return TypedResults.NoContent();
        }, cancellationToken);

    /// <summary>A new secret, shown once; the ones in use keep signing beside it until the overlap ends.</summary>
    public static async Task<Results<Ok<PushSubscriptionView>, NotFound>> RotateSecret(
        string force, UnitOfWork<AlertsDbContext> work, TimeProvider clock, IOptions<AlertsOptions> options, CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<Ok<PushSubscriptionView>, NotFound>>(async ct =>
        {
            var subscription = await work.Db.PushSubscriptions.Include(s => s.Secrets).FirstOrDefaultAsync(s => s.Force == force, ct);
            if (subscription is null)
            {
                return TypedResults.NotFound();
            }

            var now = clock.GetUtcNow();
            var secret = subscription.Rotate(options.Value.Push.SecretOverlap, now);
            work.Db.PushSecrets.Add(secret);
            return TypedResults.Ok(AlertViews.From(subscription, now, secret.Secret));
        }, cancellationToken);

    public static async Task<Results<Ok<PushDeliveryView[]>, ProblemHttpResult>> Deliveries(
        string force, string? status, int? limit, AlertsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (status is not null && !PushStatuses.All.Contains(status))
        {
            errors.Add("status", $"must be one of: {string.Join(", ", PushStatuses.All)}.");
        }

        if (limit is < 1 or > 500)
        {
            errors.Add("limit", "must be between 1 and 500.");
        }

        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var query = db.PushDeliveries.AsNoTracking().Where(d => d.Force == force);
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }

        var rows = await query
            .OrderByDescending(d => d.CreatedAt)
            .Take(limit ?? 100)
            .Join(db.Alerts, d => d.AlertId, a => a.Id, (d, a) => new { Delivery = d, a.Reference })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => AlertViews.From(r.Delivery, r.Reference)).ToArray());
    }

    /// <summary>Sends a delivery again (after the force fixed its endpoint): a fresh set of attempts, the same webhook id.</summary>
    public static async Task<Results<Ok<PushDeliveryView>, NotFound, ProblemHttpResult>> Resend(
        string force, Guid id, UnitOfWork<AlertsDbContext> work, TimeProvider clock, CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<Ok<PushDeliveryView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var delivery = await work.Db.PushDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.Force == force, ct);
            if (delivery is null)
            {
                return TypedResults.NotFound();
            }

            if (delivery.Status == PushStatuses.Pending)
            {
                return Problems.Conflict("This push is still being tried; it can be re-sent once it is delivered or dead.");
            }

            delivery.Resend(clock.GetUtcNow());
            var reference = await work.Db.Alerts.Where(a => a.Id == delivery.AlertId).Select(a => a.Reference).FirstAsync(ct);
            return TypedResults.Ok(AlertViews.From(delivery, reference));
        }, cancellationToken);

    /// <summary>An absolute https URL; plain http only on a loopback address, and only where configuration allows it.</summary>
    internal static string? CheckUrl(string? url, bool allowHttpLoopback, ValidationErrors errors)
    {
        errors.Required("url", url, 2000);
        if (errors.Any)
        {
            return null;
        }

        if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("url", "must be an absolute https URL.");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("url", "must not carry credentials; the push is authenticated by its signature.");
            return null;
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
        if (uri.Scheme == Uri.UriSchemeHttp && !(allowHttpLoopback && loopback))
        {
            errors.Add("url", allowHttpLoopback
                ? "must be https (plain http is allowed on a loopback address only)."
                : "must be https: a push carries a child's details.");
            return null;
        }

        return uri.ToString();
    }
}
