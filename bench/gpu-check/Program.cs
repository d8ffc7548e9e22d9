// usage: gpu-check [--wait-seconds 2] [--busy-seconds 1]
// Prints one JSON object describing what the runtime's GPU-side code reads on this machine. Every section
// catches its own exceptions and reports them as {"error": {"type", "message"}}: a crash is a finding, not an exit.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EfficiencyMisnomer.Bench;
using EfficiencyMisnomer.Runtime;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Sessions;

var waitSeconds = GpuCheck.Option(args, "--wait-seconds", 2.0);
var busySeconds = GpuCheck.Option(args, "--busy-seconds", 1.0);

using var nvml = new NativeNvml();
var report = new JsonObject
{
    ["environment"] = GpuCheck.Section(() => new JsonObject
    {
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
        ["arch"] = RuntimeInformation.ProcessArchitecture.ToString(),
        ["onnxruntime_managed"] = RuntimeInfo.OnnxRuntimeVersion,
        ["base_directory_native_libraries"] = new JsonArray(Directory.EnumerateFiles(AppContext.BaseDirectory, "libonnxruntime*")
            .Select(f => (JsonNode)Path.GetFileName(f)).ToArray()),
    }),
    ["nvml"] = GpuCheck.Section(() => GpuCheck.Nvml(nvml)),
    ["fingerprint_cuda"] = GpuCheck.Section(() => GpuCheck.Fingerprint(nvml, ExecutionProviders.Cuda)),
    ["fingerprint_auto"] = GpuCheck.Section(() => GpuCheck.Fingerprint(nvml, ExecutionProviders.Auto)),
    ["cuda_probe"] = GpuCheck.Section(() =>
    {
        var probe = OnnxRuntimeCudaProbe.Instance.Probe();
        return new JsonObject { ["available"] = probe.Available, ["reason"] = probe.Reason };
    }),
    ["provider_auto"] = GpuCheck.Section(() => GpuCheck.Selection(ProviderRequest.Auto)),
    ["provider_cuda"] = GpuCheck.Section(() => GpuCheck.Selection(ProviderRequest.Cuda)),
    ["energy_idle"] = GpuCheck.Section(() => GpuCheck.Energy(nvml, "idle wait", () => Thread.Sleep(TimeSpan.FromSeconds(waitSeconds)))),
    ["energy_cpu_busy"] = GpuCheck.Section(() => GpuCheck.Energy(nvml, "CPU busy loop", () => GpuCheck.Spin(TimeSpan.FromSeconds(busySeconds)))),
    ["device_memory"] = GpuCheck.Section(() => GpuCheck.DeviceMemory(nvml)),
    ["process_gpu_memory"] = GpuCheck.Section(() => new JsonObject
    {
        ["available"] = false,
        ["reason"] = "EfficiencyMisnomer.Runtime has no per-process reader: gpu_memory is the difference of NVML's device-wide used memory around a session (NvmlGpuMemoryReader)",
    }),
    ["hardware_command"] = GpuCheck.Section(() =>
    {
        var machine = new HardwareFingerprintReader(EnvironmentCpuInfo.ForThisMachine(), nvml).Read(ExecutionProviders.Auto);
        return new JsonObject { ["profile_name"] = ProfileSuggestion.Name(machine), ["text"] = HardwareReport.Text(machine) };
    }),
};

Console.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
return 0;

namespace EfficiencyMisnomer.Bench
{
    /// <summary>The probe's sections: each reads through the runtime library's own types, as a measurement would.</summary>
    internal static class GpuCheck
    {
        public static JsonNode Section(Func<JsonNode> read)
        {
            try
            {
                return read();
            }
#pragma warning disable CA1031 // A probe reports every failure, whatever its type, and carries on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new JsonObject { ["error"] = new JsonObject { ["type"] = e.GetType().FullName, ["message"] = e.Message, ["at"] = e.StackTrace?.Split('\n')[0].Trim() } };
            }
        }

        public static double Option(string[] args, string name, double fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        public static JsonObject Nvml(INvml nvml) => new()
        {
            ["device_count"] = Node(nvml.DeviceCount(), v => v),
            ["driver_version"] = Node(nvml.DriverVersion(), v => v),
            ["device_0_name"] = Node(nvml.DeviceName(0), v => v),
            ["device_0_energy_mJ"] = Node(nvml.TotalEnergyMillijoules(0), v => v),
        };

        public static JsonObject Fingerprint(INvml nvml, string provider)
        {
            var machine = new HardwareFingerprintReader(EnvironmentCpuInfo.ForThisMachine(), nvml).Read(provider);
            return new JsonObject
            {
                ["requested"] = provider,
                ["provider"] = machine.Provider,
                ["id"] = machine.Id,
                ["summary"] = machine.Summary,
                ["gpu"] = machine.Gpu is { } gpu
                    ? new JsonObject
                    {
                        ["name"] = gpu.Name,
                        ["driver_version"] = gpu.DriverVersion,
                        ["total_memory_bytes"] = gpu.TotalMemoryBytes,
                        ["total_memory"] = HardwareFingerprint.Gibibytes(gpu.TotalMemoryBytes),
                        ["device_count"] = gpu.DeviceCount,
                    }
                    : null,
                ["gpu_unavailable_reason"] = machine.GpuUnavailableReason,
            };
        }

        public static JsonObject Selection(ProviderRequest request)
        {
            var selection = new ProviderSelector().Select(request);
            return new JsonObject
            {
                ["request"] = request.ToString().ToLowerInvariant(),
                ["provider"] = selection.Provider,
                ["reason"] = selection.Reason,
                ["succeeded"] = selection.Succeeded,
                ["failure_code"] = selection.Failure?.Code,
                ["failure"] = selection.Failure?.ToString(),
            };
        }

        /// <summary>
        /// The CUDA meters a measurement would use (their own NVML, opened and closed by them), around
        /// <paramref name="work"/>, with the raw counter read through <paramref name="nvml"/> beside them.
        /// </summary>
        public static JsonObject Energy(INvml nvml, string what, Action work)
        {
            using var meters = ProviderMeters.For(ExecutionProviders.Cuda);
            var before = nvml.TotalEnergyMillijoules(0);
            var clock = Stopwatch.StartNew();
            meters.Energy.Start();
            work();
            var joules = meters.Energy.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            var after = nvml.TotalEnergyMillijoules(0);
            return new JsonObject
            {
                ["work"] = what,
                ["source"] = meters.Energy.Source,
                ["seconds"] = Math.Round(seconds, 3),
                ["joules"] = Node(joules, v => Math.Round(v, 3)),
                ["average_watts"] = Node(joules, v => Math.Round(v / seconds, 1)),
                ["counter_before_mJ"] = Node(before, v => v),
                ["counter_after_mJ"] = Node(after, v => v),
            };
        }

        public static JsonObject DeviceMemory(INvml nvml)
        {
            var memory = nvml.DeviceMemory(0);
            var used = new NvmlGpuMemoryReader(nvml).UsedBytes();
            return new JsonObject
            {
                ["total_bytes"] = Node(memory, m => m.Total),
                ["free_bytes"] = Node(memory, m => m.Free),
                ["used_bytes"] = Node(memory, m => m.Used),
                ["total_minus_free_minus_used_bytes"] = Node(memory, m => (long)m.Total - (long)m.Free - (long)m.Used),
                ["total"] = Node(memory, m => HardwareFingerprint.Gibibytes((long)m.Total)),
                ["used"] = Node(memory, m => HardwareFingerprint.Gibibytes((long)m.Used)),
                ["gpu_memory_reader_used_bytes"] = Node(used, v => v),
            };
        }

        /// <summary>Keeps one core busy for <paramref name="duration"/>: host-side load, which a GPU counter should not see much of.</summary>
        public static void Spin(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            var x = 1.0;
            while (clock.Elapsed < duration)
            {
                for (var i = 0; i < 10_000; i++)
                {
                    x = Math.Sqrt(x + i);
                }
            }

            GC.KeepAlive(x);
        }

        private static JsonNode? Node<T, TOut>(Reading<T> reading, Func<T, TOut> value) =>
            reading.IsAvailable ? JsonValue.Create(value(reading.Value!)) : new JsonObject { ["unavailable"] = reading.UnavailableReason };
    }
}
