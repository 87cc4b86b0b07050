using Microsoft.Extensions.Hosting;

namespace Regional.LocalRegion;

/// <summary>
/// The lifetime of an app that shares its process with others. The default ConsoleLifetime hooks
/// SIGINT/SIGTERM/SIGQUIT, cancels the process's default termination and stops only its own app,
/// so with eleven of them a signal stopped nothing as a whole and the process never exited. The
/// region's Program handles the signals once for every app.
/// </summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
