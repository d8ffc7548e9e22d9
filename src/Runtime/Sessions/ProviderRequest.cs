namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>Which execution provider a measurement asks for.</summary>
public enum ProviderRequest
{
    /// <summary>CUDA when its libraries load and a device exists, otherwise CPU (the reason is recorded).</summary>
    Auto,

    /// <summary>The CPU provider.</summary>
    Cpu,

    /// <summary>CUDA, required: its absence is a failed selection, not a fallback.</summary>
    Cuda,
}
