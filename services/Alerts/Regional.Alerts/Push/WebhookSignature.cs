using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Regional.Alerts.Push;

/// <summary>
/// The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256, keyed with the secret's
/// bytes, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>v1,{base64}</c>; one per
/// signing secret, separated by spaces, so a receiver holding either secret during a rotation verifies.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(IEnumerable<byte[]> keys, string webhookId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return string.Join(' ', keys.Select(key => "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content))));
    }
}
