using System.Diagnostics;
using System.Text;

namespace Regional.Testing;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs short-lived tools (rabbitmqctl, initdb, pg_ctl, chown) and captures their output.</summary>
internal static class ProcessRunner
{
    public static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    info.Environment[key] = value;
                }
            }
        }

        return info;
    }

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var info = StartInfo(fileName, arguments, environment);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {Describe(info)}.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{Describe(info)} did not finish within {timeout.TotalSeconds:0.#} s. Output:\n{Text()}");
        }

        return new ProcessResult(process.ExitCode, Text());

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Text()
        {
            lock (output)
            {
                return output.ToString().TrimEnd();
            }
        }
    }

    /// <summary>Runs a tool and throws, with its output, if it fails.</summary>
    public static async Task<string> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var list = arguments.ToList();
        var result = await RunAsync(fileName, list, timeout, environment, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"{Describe(fileName, list)} failed with exit code {result.ExitCode}. Output:\n{result.Output}");
        }

        return result.Output;
    }

    public static string Describe(ProcessStartInfo info) => Describe(info.FileName, info.ArgumentList);

    public static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

    /// <summary>The last <paramref name="lines"/> lines of a text file, or a note that it is missing.</summary>
    public static string Tail(string path, int lines = 40)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var queue = new Queue<string>();
            while (reader.ReadLine() is { } line)
            {
                queue.Enqueue(line);
                if (queue.Count > lines)
                {
                    queue.Dequeue();
                }
            }

            return string.Join('\n', queue);
        }
        catch (IOException e)
        {
            return $"({path} could not be read: {e.Message})";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"({path} could not be read: {e.Message})";
        }
    }
}
