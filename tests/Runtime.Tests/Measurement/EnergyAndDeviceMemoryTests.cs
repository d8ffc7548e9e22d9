using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Runtime.Tests.Hardware;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>energy, co2 and gpu_memory: the per-inference arithmetic over the timed loop and every unavailable path.</summary>
public sealed class EnergyAndDeviceMemoryTests
{
    private static readonly MeasurementOptions Quick = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.2) };
    private static readonly ProviderSelection Cpu = new("cpu", "requested");

    [Test]
    public void Energy_is_the_timed_loops_joules_over_its_inferences_and_co2_follows_from_the_grid()
    {
        var meter = new FakeEnergyMeter(Reading.Of(12.0));
        var report = new RuntimeMeasurer(Quick, meter).Measure(TinyCnn() with { Batch = 2, GridIntensity = 400 });

        var inferences = report["latency.mean"].Samples * 2.0;
        var perInference = 12.0 / inferences;
        Assert.Multiple(() =>
        {
            Assert.That((meter.Starts, meter.Stops), Is.EqualTo((1, 1)));
            Assert.That(report["energy"].Value, Is.EqualTo(perInference).Within(1e-12));
            Assert.That(report["energy"].Note, Is.EqualTo("fake meter"));
            Assert.That(report["co2"].Value, Is.EqualTo(perInference / 3.6e6 * 400 * 1e6).Within(1e-9));
        });
    }

    [Test]
    public void Without_readable_rapl_energy_and_co2_are_unavailable_with_the_reason_never_zero()
    {
        var absent = Path.Combine(Path.GetTempPath(), "misnomer-no-powercap", Guid.NewGuid().ToString("N"));
        var report = new RuntimeMeasurer(Quick, new RaplEnergyReader(absent)).Measure(TinyCnn() with { GridIntensity = 400 });

        Assert.Multiple(() =>
        {
            Assert.That(report["energy"].Value, Is.Null);
            Assert.That(report["energy"].Note, Is.EqualTo($"unavailable: RAPL: {absent} does not exist (not Linux, or no powercap driver)"));
            Assert.That(report["co2"].Value, Is.Null);
            Assert.That(report["co2"].Note, Does.StartWith("unavailable: needs energy, which is unavailable: RAPL: "));
        });
    }

    [Test]
    public void Co2_without_a_grid_intensity_is_unavailable()
    {
        var report = new RuntimeMeasurer(Quick, new FakeEnergyMeter(Reading.Of(1.0))).Measure(TinyCnn());
        Assert.Multiple(() =>
        {
            Assert.That(report["energy"].Available, Is.True);
            Assert.That(report["co2"].Note, Is.EqualTo("unavailable: the profile declares no grid_intensity"));
        });
    }

    [Test]
    public void Gpu_memory_on_cpu_is_unavailable_even_with_a_device_reader()
    {
        var report = new RuntimeMeasurer(Quick, new FakeEnergyMeter(Reading.Of(1.0)), new NvmlGpuMemoryReader(FakeNvml.Present())).Measure(TinyCnn());
        Assert.That(report["gpu_memory"].Note, Is.EqualTo("unavailable: CPU provider: no device memory"));
    }

    [Test]
    public void Per_inference_divides_by_runs_times_batch_and_passes_a_reason_through()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuntimeMeasurer.PerInference(Reading.Of(12.0), 48, "RAPL package-0", TimeSpan.FromSeconds(1)), Is.EqualTo(Observation.Of(0.25, "RAPL package-0")));
            Assert.That(RuntimeMeasurer.PerInference(Reading.Unavailable<double>("NVML unavailable: test"), 48, "NVML GPU 0", TimeSpan.FromSeconds(1)).Note, Is.EqualTo("unavailable: NVML: test"));
        });
    }

    [Test]
    public void A_counter_that_did_not_advance_is_unavailable_never_zero()
    {
        // Seen on an H200: a 45 ms loop of a 0.1 ms model read 0 J from NVML, which a budget would have passed.
        var energy = RuntimeMeasurer.PerInference(Reading.Of(0.0), 457, "NVML GPU 0", TimeSpan.FromMilliseconds(45));
        Assert.Multiple(() =>
        {
            Assert.That(energy.Value, Is.Null);
            Assert.That(energy.Note, Is.EqualTo("unavailable: NVML GPU 0: the energy counter did not advance during the 45 ms timed loop (it counts in steps); raise the time cap so the loop runs longer"));
        });
    }

    [Test]
    public void A_zero_counter_fails_no_budget_and_makes_co2_unavailable_too()
    {
        var report = new RuntimeMeasurer(Quick, new FakeEnergyMeter(Reading.Of(0.0))).Measure(TinyCnn());
        Assert.Multiple(() =>
        {
            Assert.That(report["energy"].Available, Is.False);
            Assert.That(report["co2"].Available, Is.False);
        });
    }

    [Test]
    public void Gpu_memory_is_the_used_bytes_added_since_before_the_session()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Observation.DeviceGrowth(Reading.Of(1_000L), Reading.Of(5_096L)).Value, Is.EqualTo(4_096));
            Assert.That(Observation.DeviceGrowth(Reading.Of(5_000L), Reading.Of(1_000L)).Value, Is.Zero, "another process freed memory meanwhile");
            Assert.That(Observation.DeviceGrowth(Reading.Unavailable<long>("NVML unavailable: test"), Reading.Of(1L)).Note, Is.EqualTo("unavailable: NVML: test"));
            Assert.That(Observation.DeviceGrowth(Reading.Of(1L), Reading.Unavailable<long>("NVML unavailable: gone")).Note, Is.EqualTo("unavailable: NVML: gone"));
        });
    }

    [Test]
    public void Cpu_meters_are_rapl_without_device_memory_and_cuda_meters_nvml()
    {
        using var cpu = ProviderMeters.For("cpu", Path.Combine(Path.GetTempPath(), "misnomer-no-powercap"));
        var nvml = FakeNvml.Present();
        using var cuda = ProviderMeters.For("cuda", openNvml: () => nvml);
        cuda.Energy.Start();
        nvml.EnergyMillijoules += 2_500;
        nvml.Memory = nvml.Memory with { Used = 1_000 };

        Assert.Multiple(() =>
        {
            Assert.That(cpu.Energy, Is.InstanceOf<RaplEnergyReader>());
            Assert.That(cpu.GpuMemory, Is.Null);
            Assert.That(cuda.Energy.Source, Is.EqualTo("NVML GPU 0"));
            Assert.That(cuda.Energy.Stop().Value, Is.EqualTo(2.5).Within(1e-12));
            Assert.That(cuda.GpuMemory!.UsedBytes().Value, Is.EqualTo(1_000));
        });
    }

    [Test]
    public void Cuda_meters_without_nvml_answer_unavailable_when_read()
    {
        using var cuda = ProviderMeters.For("cuda", openNvml: () => FakeNvml.Absent("NVML unavailable: test"));
        cuda.Energy.Start();
        Assert.Multiple(() =>
        {
            Assert.That(cuda.Energy.Stop().UnavailableReason, Is.EqualTo("NVML unavailable: test"));
            Assert.That(cuda.GpuMemory!.UsedBytes().UnavailableReason, Is.EqualTo("NVML unavailable: test"));
        });
    }

    [Test]
    public void The_timed_loop_starts_after_warm_up()
    {
        var runs = 0;
        var runsAtStart = -1;
        var samples = new LatencySampler(Quick).Sample(() => runs++, new StoppingRule(Array.Empty<LatencyStatistic>(), Quick), () => runsAtStart = runs);

        Assert.Multiple(() =>
        {
            Assert.That(runsAtStart, Is.EqualTo(samples.WarmupRuns));
            Assert.That(runs - runsAtStart, Is.EqualTo(samples.Milliseconds.Length));
        });
    }

    private static MeasurementCase TinyCnn() =>
        new("tiny", OnnxModel.Load(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx")), ShapeBindings.None, Cpu, new SessionSettings(1, 1));
}
