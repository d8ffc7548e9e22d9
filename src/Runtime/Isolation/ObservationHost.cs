using System.Diagnostics;
using System.Reflection;
using EfficiencyMisnomer.Processes;

namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// How a fresh process for one observation is started. By default the runtime library itself is run as the child's
/// program with the current application's runtime configuration and dependencies (<c>dotnet exec --runtimeconfig
/// APP.runtimeconfig.json --depsfile APP.deps.json EfficiencyMisnomer.Runtime.dll observe</c>): that works under any
/// framework-dependent host, the test host included. A self-contained application (no <c>dotnet</c> to run the
/// library) registers itself instead, with an argument that routes to <see cref="ObservationProgram"/>.
/// </summary>
public sealed class ObservationHost
{
    /// <summary>The argument that makes the child observe: it reads a request on standard input and writes the result.</summary>
    public const string ObserveArgument = "observe";

    private const string MmapThreshold = "MALLOC_MMAP_THRESHOLD_";
    private readonly string fileName;
    private readonly IReadOnlyList<string> arguments;

    private ObservationHost(string fileName, IReadOnlyList<string> arguments, string description)
    {
        this.fileName = fileName;
        this.arguments = arguments;
        Description = description;
    }

    /// <summary>How the child is started, for notes and errors.</summary>
    public string Description { get; }

    /// <summary>The host observations use; null when no child process can be started here (observations then run in process).</summary>
    public static ObservationHost? Current { get; set; } = Default();

    /// <summary>A host that runs <paramref name="program"/> with <paramref name="arguments"/> (which must route to <see cref="ObservationProgram.Run"/>).</summary>
    public static ObservationHost Of(string program, params string[] arguments) =>
        new(program, arguments, string.Join(' ', arguments.Prepend(program)));

    /// <summary>
    /// The current application run again with <paramref name="argument"/>: its apphost, or <c>dotnet</c> with its entry
    /// assembly when it runs under the muxer.
    /// </summary>
    public static ObservationHost? Self(string argument)
    {
        var process = Environment.ProcessPath;
        if (process is null)
        {
            return null;
        }

        if (!IsMuxer(process))
        {
            return Of(process, argument);
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry) ? null : Of(process, entry, argument);
    }

    /// <summary>The library run under <c>dotnet exec</c> with this application's configuration; null when it cannot be found.</summary>
    public static ObservationHost? Default()
    {
        var library = typeof(ObservationHost).Assembly.Location;
        var deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(library) || deps is null || !deps.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var runtimeConfig = string.Concat(deps.AsSpan(0, deps.Length - ".deps.json".Length), ".runtimeconfig.json");
        if (!File.Exists(deps) || !File.Exists(runtimeConfig) || Muxer() is not { } dotnet)
        {
            return null;
        }

        return Of(dotnet, "exec", "--runtimeconfig", runtimeConfig, "--depsfile", deps, library, ObserveArgument);
    }

    /// <summary>A start description for one observation: input and output redirected, no window.</summary>
    public ProcessStartInfo StartInfo()
    {
        var start = ChildProcess.StartInfo(fileName, arguments);

        // glibc raises its mmap threshold each time a mapped block is freed, so whether a large block is mapped or
        // carved from the heap depends on the order of earlier frees, and the same model's peak varied by 7% (66 to
        // 71 MiB). Fixed at its initial 128 KiB, large blocks are always mapped and the peak repeats within 1.5%.
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(MmapThreshold) is null)
        {
            start.Environment[MmapThreshold] = "131072";
        }

        return start;
    }

    /// <summary>The <c>dotnet</c> muxer: this process when it is one, else the SDK's <c>DOTNET_HOST_PATH</c>, else the runtime's root.</summary>
    private static string? Muxer()
    {
        if (Environment.ProcessPath is { } process && IsMuxer(process))
        {
            return process;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // The shared runtime lives in ROOT/shared/Microsoft.NETCore.App/VERSION/; the muxer in ROOT.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeDirectory is null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    private static bool IsMuxer(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase);
}
