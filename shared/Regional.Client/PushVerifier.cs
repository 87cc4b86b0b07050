using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Regional.Client;

public enum PushVerdict
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
    Replayed,
}

/// <summary>
/// What a force's receiver runs on each push (Standard Webhooks): the signature must be an HMAC-SHA256,
/// with one of its secrets, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the timestamp within
/// <see cref="Tolerance"/> of now; and the id not seen before (a replay of a captured push is refused).
/// A receiver keeps the secrets of an overlap (old and new) during a rotation.
/// </summary>
public sealed class PushVerifier(IEnumerable<string> secrets, TimeProvider? clock = null)
{
    private readonly List<byte[]> _keys = [.. secrets.Select(Key)];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    public PushVerdict Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, string body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookSignature)
            || !long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return PushVerdict.MissingHeaders;
        }

        var now = _clock.GetUtcNow();
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - sentAt).Duration() > Tolerance)
        {
            return PushVerdict.StaleTimestamp;
        }

        var content = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}");
        var signed = webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => { try { return Convert.FromBase64String(s[3..]); } catch (FormatException) { return []; } })
            .ToList();
        var valid = _keys.Any(key =>
        {
            var expected = HMACSHA256.HashData(key, content);
            return signed.Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
        });
        if (!valid)
        {
            return PushVerdict.BadSignature;
        }

        // Forget ids older than the tolerance: a replay that old fails on its timestamp anyway.
        foreach (var (id, at) in _seen)
        {
            if (now - at > Tolerance * 2)
            {
                _seen.TryRemove(id, out _);
            }
        }

        return _seen.TryAdd(webhookId, now) ? PushVerdict.Valid : PushVerdict.Replayed;
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
}
