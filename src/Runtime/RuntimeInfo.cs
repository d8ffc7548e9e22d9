namespace EfficiencyMisnomer.Runtime;

/// <summary>The ONNX Runtime build this assembly measures with.</summary>
public static class RuntimeInfo
{
    public static string OnnxRuntimeVersion => typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version?.ToString() ?? "unknown";
}
