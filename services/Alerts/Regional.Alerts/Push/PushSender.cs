using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Alerts.Features;

namespace Regional.Alerts.Push;

/// <summary>
/// Pushes due deliveries to the forces' endpoints, signed, one attempt per claim: the claim is
/// committed before the request goes, so a crash mid-attempt leaves the delivery to be tried again
/// once the claim lapses (at least once; the receiver drops a repeated <c>webhook-id</c>). A failure
/// is retried with exponential back-off; after the last attempt the delivery is dead and waits in
/// the force's admin view for a re-send.
/// </summary>
public sealed partial class PushSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    IOptions<AlertsOptions> options,
    ILogger<PushSender> logger) : BackgroundService
{
    public const string HttpClientName = "alert-push";

    private PushOptions Options => options.Value.Push;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.PollInterval);
        do
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over what is due; returns how many attempts it made.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, string Force)> due;
        Dictionary<string, PushSubscription> subscriptions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlertsDbContext>();
            var now = clock.GetUtcNow();
            due = [.. (await db.PushDeliveries.AsNoTracking()
                .Where(d => d.Status == PushStatuses.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt)
                .Select(d => new { d.Id, d.Force })
                .Take(20)
                .ToListAsync(cancellationToken)).Select(d => (d.Id, d.Force))];

            // Each force's endpoint and secrets once per pass, however many of its pushes are due.
            var forces = due.Select(d => d.Force).Distinct().ToList();
            subscriptions = await db.PushSubscriptions.Include(s => s.Secrets).AsNoTracking()
                .Where(s => forces.Contains(s.Force))
                .ToDictionaryAsync(s => s.Force, cancellationToken);
        }

        var attempts = await Task.WhenAll(due.Select(d => AttemptAsync(d.Id, subscriptions.GetValueOrDefault(d.Force), cancellationToken)));
        return attempts.Count(made => made);
    }

    private async Task<bool> AttemptAsync(Guid deliveryId, PushSubscription? subscription, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlertsDbContext>();
        var delivery = await db.PushDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        if (delivery is null || delivery.Status != PushStatuses.Pending || delivery.NextAttemptAt > now)
        {
            return false;
        }

        var alert = await db.Alerts.AsNoTracking().FirstAsync(a => a.Id == delivery.AlertId, cancellationToken);

        delivery.Claim(now, Options.Timeout * 2);
        delivery.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sender (or a re-send) took it first.
            return false;
        }

        int? status = null;
        string? error = null;
        if (subscription is not { Enabled: true })
        {
            error = "The force has no push subscription switched on.";
        }
        else
        {
            var keys = subscription.SigningAt(now).Select(s => s.Key).ToList();
            var body = JsonSerializer.Serialize(new { type = $"alert.{alert.Kind}", timestamp = now, data = AlertViews.From(alert, now) }, AlertJson.Options);
            var timestamp = now.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, delivery.WebhookId);
            request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(keys, delivery.WebhookId, timestamp, body));
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Options.Timeout);
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"The endpoint answered {status}.";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = ex is TaskCanceledException ? "The endpoint did not answer in time." : $"The endpoint could not be reached ({ex.GetType().Name}).";
            }
        }

        var after = clock.GetUtcNow();
        if (error is null)
        {
            delivery.Delivered(status!.Value, after);
        }
        else
        {
            delivery.Failed(status, error, Options.MaxAttempts, Options.FirstBackoff, Options.MaxBackoff, after);
            LogAttemptFailed(logger, delivery.Force, delivery.Attempts, status);
        }

        delivery.Version++;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An operator re-sent it meanwhile: theirs stands.
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to {Force} failed (attempt {Attempt}, status {Status})")]
    private static partial void LogAttemptFailed(ILogger logger, string force, int attempt, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push pass failed ({ErrorType}); will try again")]
    private static partial void LogPassFailed(ILogger logger, string errorType);
}
