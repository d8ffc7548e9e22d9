namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// The meters of one execution provider: on CPU the packages' energy from RAPL and no device memory; on CUDA
/// the GPU's energy and used memory from NVML. A meter that cannot read this machine answers "unavailable"
/// with its reason when read, so the choice never fails.
/// </summary>
public sealed class ProviderMeters : IDisposable
{
    private readonly IDisposable? owned;

    public ProviderMeters(IEnergyMeter energy, IGpuMemoryReader? gpuMemory, IDisposable? owned = null)
    {
        Energy = energy;
        GpuMemory = gpuMemory;
        this.owned = owned;
    }

    public IEnergyMeter Energy { get; }

    /// <summary>Device memory; null where the provider has none (CPU).</summary>
    public IGpuMemoryReader? GpuMemory { get; }

    /// <summary>The meters for <paramref name="provider"/> (<c>cpu</c> or <c>cuda</c>).</summary>
    /// <param name="provider">The execution provider measured.</param>
    /// <param name="raplRoot">Where powercap lives; tests point it at a fake folder.</param>
    /// <param name="openNvml">Opens NVML; the native library by default. The meters dispose what it returns.</param>
    public static ProviderMeters For(string provider, string raplRoot = RaplEnergyReader.DefaultRoot, Func<INvml>? openNvml = null)
    {
        if (provider == Sessions.ProviderSelection.Cuda)
        {
            var nvml = openNvml?.Invoke() ?? new NativeNvml();
            return new ProviderMeters(new NvmlEnergyReader(nvml), new NvmlGpuMemoryReader(nvml), nvml as IDisposable);
        }

        return new ProviderMeters(new RaplEnergyReader(raplRoot), null);
    }

    public void Dispose() => owned?.Dispose();
}
