using System.Runtime.InteropServices;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>The ONNX Runtime build this assembly measures with, and the platform it runs on.</summary>
public static class RuntimeInfo
{
    public static string OnnxRuntimeVersion => typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The platform as .NET names it (<c>linux-x64</c>, <c>osx-arm64</c>, <c>win-x64</c>): what a package's native runtime must match.</summary>
    public static string Platform => RuntimeInformation.RuntimeIdentifier;

    /// <summary>
    /// Which native build of ONNX Runtime loaded, by the providers it lists (<c>CPU</c>, or <c>CUDA</c> for the
    /// Microsoft.ML.OnnxRuntime.Gpu build), or why none could load.
    /// </summary>
    public static string OnnxRuntimeBuild
    {
        get
        {
            try
            {
                var providers = OnnxRuntimeEnvironment.Instance.GetAvailableProviders();
                return providers.Contains("CUDAExecutionProvider", StringComparer.Ordinal) ? "CUDA build" : "CPU build";
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
            {
                return $"no native library for {Platform} ({e.GetType().Name})";
            }
        }
    }
}
