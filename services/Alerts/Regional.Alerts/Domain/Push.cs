using System.Security.Cryptography;
using Regional.Messaging;

namespace Regional.Alerts.Domain;

/// <summary>
/// A force's registered endpoint for pushed alerts and the secrets its pushes are signed with. A
/// rotated-out secret keeps signing (beside the new one) until it retires, so a force can switch its
/// receiver over without missing a push.
/// </summary>
public sealed class PushSubscription : IVersioned
{
    public required string Force { get; set; }

    public required string Url { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PushSecret> Secrets { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The secrets that sign a push sent at <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<PushSecret> SigningAt(DateTimeOffset now) =>
        [.. Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now).OrderByDescending(s => s.CreatedAt)];

    /// <summary>A new secret; the ones in use retire after <paramref name="overlap"/>. Returns the new secret.</summary>
    public PushSecret Rotate(TimeSpan overlap, DateTimeOffset now)
    {
        foreach (var current in Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now + overlap))
        {
            current.RetiresAt = now + overlap;
        }

        var secret = PushSecret.Create(Force, now);
        Secrets.Add(secret);
        UpdatedAt = now;
        return secret;
    }
}

public sealed class PushSecret
{
    /// <summary>The prefix Standard Webhooks gives a secret: <c>whsec_</c> then the key in base64.</summary>
    public const string Prefix = "whsec_";

    public required string Id { get; set; }

    public required string Force { get; set; }

    /// <summary>The HMAC key (24 random bytes), as Standard Webhooks hands it to the receiver: <c>whsec_{base64}</c>.</summary>
    public required string Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiresAt { get; set; }

    public byte[] Key => Convert.FromBase64String(Secret[Prefix.Length..]);

    public static PushSecret Create(string force, DateTimeOffset now) => new()
    {
        Id = $"key_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
        Force = force,
        Secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
        CreatedAt = now,
    };
}

public static class PushStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Given up after its attempts: waits in the force's admin view for a re-send.</summary>
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Dead];
}

/// <summary>
/// One alert to be pushed to one force's endpoint. Made in the same commit as the alert, so a
/// committed alert is never left unpushed; its <see cref="WebhookId"/> stays the same across
/// retries and re-sends, so a receiver that has it already can drop the repeat.
/// </summary>
public sealed class PushDelivery : IVersioned
{
    public Guid Id { get; set; }

    public required string WebhookId { get; set; }

    public Guid AlertId { get; set; }

    public required string Force { get; set; }

    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sender may next try; while an attempt is in flight, when that attempt's claim lapses.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int Version { get; set; }

    public static PushDelivery For(PoliceAlert alert, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WebhookId = $"msg_{alert.Id:N}",
        AlertId = alert.Id,
        Force = alert.Force,
        Status = PushStatuses.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Claims the delivery for one attempt: another sender (or a restart) tries again only once the claim lapses.</summary>
    public void Claim(DateTimeOffset now, TimeSpan lease)
    {
        Attempts++;
        LastAttemptAt = now;
        NextAttemptAt = now + lease;
    }

    public void Delivered(int statusCode, DateTimeOffset now)
    {
        Status = PushStatuses.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt: tried again after an exponential back-off, or dead once <paramref name="maxAttempts"/> are spent.</summary>
    public void Failed(int? statusCode, string error, int maxAttempts, TimeSpan firstBackoff, TimeSpan maxBackoff, DateTimeOffset now)
    {
        LastStatusCode = statusCode;
        LastError = error.Length > 300 ? error[..300] : error;
        if (Attempts >= maxAttempts)
        {
            Status = PushStatuses.Dead;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = now + Backoff(Attempts, firstBackoff, maxBackoff);
    }

    /// <summary>An operator sends a dead (or delivered) push again: a fresh set of attempts, the same webhook id.</summary>
    public void Resend(DateTimeOffset now)
    {
        Status = PushStatuses.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
    }

    /// <summary>first × 2^(attempt−1), at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(first.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
