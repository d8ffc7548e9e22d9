using EfficiencyMisnomer.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// Asks ONNX Runtime itself: the package must list the CUDA provider, and appending it must load its
/// libraries (CUDA, cuDNN) and find a device. The loader's message is kept as the reason.
/// </summary>
public sealed class OnnxRuntimeCudaProbe : ICudaProbe
{
    private const string CudaProviderName = "CUDAExecutionProvider";
    private static readonly System.Text.CompositeFormat NotBesideApplication =
        System.Text.CompositeFormat.Parse("{0} not found next to the application ({1}); ONNX Runtime: {2}");

    private readonly string applicationDirectory;

    /// <param name="applicationDirectory">Where the provider library is looked for; the application's folder by default.</param>
    internal OnnxRuntimeCudaProbe(string? applicationDirectory = null) =>
        this.applicationDirectory = applicationDirectory ?? AppContext.BaseDirectory;

    public static OnnxRuntimeCudaProbe Instance { get; } = new();

    private static string ProviderFile => OperatingSystem.IsWindows() ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";

    public CudaProbeResult Probe()
    {
        if (!OnnxRuntimeEnvironment.Instance.GetAvailableProviders().Contains(CudaProviderName, StringComparer.Ordinal))
        {
            return CudaProbeResult.Absent("this ONNX Runtime build has no CUDA provider");
        }

        // ONNX Runtime logs the failure to load as an error of its own; the probe's verdict says it, once.
        using var expected = OnnxRuntimeEnvironment.ExpectingFailures();
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return CudaProbeResult.Present("CUDA provider loaded, device 0");
        }
        catch (OnnxRuntimeException e)
        {
            // ONNX Runtime only says "Failed to load shared library". Only now, after it tried, is its provider
            // bridge (libonnxruntime_providers_shared, which the CUDA provider library links against) loaded, so
            // loading the library by hand fails for the library's own dependencies, the reason a user can act on.
            var (found, reason) = LoaderFailure();
            if (!found)
            {
                return CudaProbeResult.Absent(UserText.Format(NotBesideApplication, ProviderFile, applicationDirectory, FirstLine(e.Message)));
            }

            return CudaProbeResult.Absent(reason is null || reason.Contains("undefined symbol", StringComparison.Ordinal) ? FirstLine(e.Message) : reason);
        }
    }

    /// <summary>
    /// Loads the CUDA provider library as ONNX Runtime does, to keep the dynamic loader's own reason
    /// (<c>libcublasLt.so.13: cannot open shared object file</c>). Called only after ONNX Runtime failed: loaded
    /// before its provider bridge, the library cannot resolve <c>Provider_GetHost</c> even where CUDA works.
    /// </summary>
    /// <returns>Whether the library is next to the application, and the loader's reason when it is but cannot load.</returns>
    private (bool Found, string? Reason) LoaderFailure()
    {
        var file = ProviderFile;
        var rid = (OperatingSystem.IsWindows() ? "win-" : "linux-") + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var candidates = new[] { Path.Combine(applicationDirectory, file), Path.Combine(applicationDirectory, "runtimes", rid, "native", file) };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return (false, null); // let ONNX Runtime look for it elsewhere
        }

        try
        {
            System.Runtime.InteropServices.NativeLibrary.Free(System.Runtime.InteropServices.NativeLibrary.Load(path));
            return (true, null);
        }
        catch (DllNotFoundException e)
        {
            var message = e.Message;
            var cause = message.IndexOf(": ", message.IndexOf(file, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            return (true, cause > 0 ? message[(cause + 2)..].Trim() : message);
        }
    }

    /// <summary>ONNX Runtime prefixes its messages with a status code and may append a source location; keep the reason.</summary>
    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var bracket = line.LastIndexOf("] ", StringComparison.Ordinal);
        return bracket >= 0 && bracket < 40 ? line[(bracket + 2)..] : line;
    }
}
