using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// Asks ONNX Runtime itself: the package must list the CUDA provider, and appending it must load its
/// libraries (CUDA, cuDNN) and find a device. The loader's message is kept as the reason.
/// </summary>
public sealed class OnnxRuntimeCudaProbe : ICudaProbe
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    public static OnnxRuntimeCudaProbe Instance { get; } = new();

    public CudaProbeResult Probe()
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProviderName, StringComparer.Ordinal))
        {
            return CudaProbeResult.Absent("this ONNX Runtime build has no CUDA provider");
        }

        if (LoaderFailure() is { } reason)
        {
            return CudaProbeResult.Absent(reason);
        }

        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return CudaProbeResult.Present("CUDA provider loaded, device 0");
        }
        catch (OnnxRuntimeException e)
        {
            return CudaProbeResult.Absent(FirstLine(e.Message));
        }
    }

    /// <summary>
    /// Loads the CUDA provider library the way ONNX Runtime would, to keep the dynamic loader's own reason
    /// (<c>libcublasLt.so.13: cannot open shared object file</c>); ONNX Runtime's exception only says "failed to load".
    /// </summary>
    private static string? LoaderFailure()
    {
        var file = OperatingSystem.IsWindows() ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
        var rid = (OperatingSystem.IsWindows() ? "win-" : "linux-") + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var candidates = new[] { Path.Combine(AppContext.BaseDirectory, file), Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", file) };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null; // let ONNX Runtime look for it
        }

        try
        {
            System.Runtime.InteropServices.NativeLibrary.Free(System.Runtime.InteropServices.NativeLibrary.Load(path));
            return null;
        }
        catch (DllNotFoundException e)
        {
            var message = e.Message;
            var cause = message.IndexOf(": ", message.IndexOf(file, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            return cause > 0 ? message[(cause + 2)..].Trim() : message;
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
