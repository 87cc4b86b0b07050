using Microsoft.Extensions.Logging;

namespace Regional.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Bearer token rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Could not fetch the token issuer's metadata from {Address}: {Reason}")]
    public static partial void MetadataUnavailable(ILogger logger, string address, string reason);
}
