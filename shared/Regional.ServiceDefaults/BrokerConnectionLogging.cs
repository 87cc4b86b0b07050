using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regional.ServiceDefaults;

/// <summary>
/// While the broker is unreachable, MassTransit logs every reconnection attempt twice ("Connection
/// Failed" as a warning, then "Retrying" as information), each with the full stack trace of the
/// same refused connection: kilobytes per service every few seconds that bury everything else.
/// This keeps one line per attempt, the warning, with the innermost reason instead of the trace.
/// It wraps the logger factory rather than filtering by category because MassTransit logs
/// everything, consumer faults included, under the one category "MassTransit".
/// </summary>
public static partial class BrokerConnectionLogging
{
    /// <summary>Exceptions by which MassTransit and the RabbitMQ client report a broker that cannot be reached.</summary>
    private static readonly HashSet<string> ConnectionFailures = new(StringComparer.Ordinal)
    {
        "MassTransit.RabbitMqConnectionException",
        "RabbitMQ.Client.Exceptions.BrokerUnreachableException",
        "RabbitMQ.Client.Exceptions.ConnectFailureException",
    };

    public static IServiceCollection AddConciseBrokerConnectionLogging(this IServiceCollection services)
    {
        // The providers are resolved when the factory is, after every registration: those added
        // later than this call (a test's capture, OpenTelemetry) are wrapped too.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new Factory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    /// <summary>True if <paramref name="exception"/> or one of its inner exceptions says the broker cannot be reached.</summary>
    public static bool IsBrokerUnreachable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (ConnectionFailures.Contains(e.GetType().FullName ?? ""))
            {
                return true;
            }

            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.Any(IsBrokerUnreachable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The line logged instead of a connection failure: the message and the innermost reason, without credentials.</summary>
    public static string Concise(string message, Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return UserInfo().Replace($"{message.TrimEnd()} (broker unreachable: {innermost.Message.TrimEnd('.')}); retrying.", "://");
    }

    [GeneratedRegex(@"://[^/@\s]*@")]
    private static partial Regex UserInfo();

    private sealed class Factory(LoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName)
        {
            var logger = inner.CreateLogger(categoryName);
            return categoryName.StartsWith("MassTransit", StringComparison.Ordinal) ? new Logger(logger) : logger;
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsBrokerUnreachable(exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            // The lower-level line of the pair ("Retrying ...") repeats the warning of the same attempt.
            if (logLevel < LogLevel.Warning)
            {
                return;
            }

            inner.Log(logLevel, eventId, state, null, (s, _) => Concise(formatter(s, exception), exception!));
        }
    }
}
