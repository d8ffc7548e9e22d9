using System.Runtime.InteropServices;
using System.Text;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// NVML loaded on first use with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>, so that a machine without the
/// NVIDIA driver gets "NVML unavailable: reason" answers instead of a <see cref="DllNotFoundException"/>.
/// </summary>
public sealed class NativeNvml : INvml, IDisposable
{
    private const int Success = 0;
    private const int NameBufferSize = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
    private const int DriverBufferSize = 80; // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE

    private readonly Lazy<Library> library;

    public NativeNvml()
        : this(DefaultLibraryName())
    {
    }

    /// <param name="libraryName">The library to load; null where NVML does not exist on the platform.</param>
    public NativeNvml(string? libraryName) => library = new Lazy<Library>(() => Library.Open(libraryName));

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int NoArguments();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetCount(out uint count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetHandle(uint index, out IntPtr device);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetDeviceText(IntPtr device, byte[] buffer, uint length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetSystemText(byte[] buffer, uint length);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetMemory(IntPtr device, out GpuMemory memory);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetEnergy(IntPtr device, out ulong millijoules);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GetErrorString(int result);

    public Reading<int> DeviceCount() => Call(n => n.Check<int>("nvmlDeviceGetCount_v2", n.Count(out var count)) ?? Reading.Of((int)count));

    public Reading<string> DriverVersion() => Call(n =>
    {
        var buffer = new byte[DriverBufferSize];
        return n.Check<string>("nvmlSystemGetDriverVersion", n.DriverVersion(buffer, DriverBufferSize)) ?? Reading.Of(Text(buffer));
    });

    public Reading<string> DeviceName(int index) => OnDevice(index, (n, device) =>
    {
        var buffer = new byte[NameBufferSize];
        return n.Check<string>("nvmlDeviceGetName", n.Name(device, buffer, NameBufferSize)) ?? Reading.Of(Text(buffer));
    });

    public Reading<GpuMemory> DeviceMemory(int index) => OnDevice(index, (n, device) =>
        n.Check<GpuMemory>("nvmlDeviceGetMemoryInfo", n.Memory(device, out var memory)) ?? Reading.Of(memory));

    public Reading<ulong> TotalEnergyMillijoules(int index) => OnDevice(index, (n, device) =>
        n.Energy is null
            ? Reading.Unavailable<ulong>("NVML unavailable: this driver has no nvmlDeviceGetTotalEnergyConsumption")
            : n.Check<ulong>("nvmlDeviceGetTotalEnergyConsumption", n.Energy(device, out var energy)) ?? Reading.Of(energy));

    public void Dispose()
    {
        if (library.IsValueCreated)
        {
            library.Value.Close();
        }
    }

    private static string? DefaultLibraryName() =>
        OperatingSystem.IsWindows() ? "nvml.dll" : OperatingSystem.IsLinux() ? "libnvidia-ml.so.1" : null;

    private static string Text(byte[] buffer)
    {
        var end = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
    }

    private Reading<T> Call<T>(Func<Library, Reading<T>> call) =>
        library.Value.UnavailableReason is { } reason ? Reading.Unavailable<T>(reason) : call(library.Value);

    private Reading<T> OnDevice<T>(int index, Func<Library, IntPtr, Reading<T>> call) => Call(n =>
        n.Check<T>("nvmlDeviceGetHandleByIndex_v2", n.Handle((uint)index, out var device)) is { } failed
            ? failed
            : call(n, device));

    /// <summary>The loaded library and its entry points, or why it could not be loaded and initialised.</summary>
    private sealed class Library
    {
        private IntPtr handle;

        private Library(string reason) => UnavailableReason = reason;

        private Library(IntPtr handle) => this.handle = handle;

        public string? UnavailableReason { get; private set; }

        public GetCount Count { get; private set; } = null!;

        public GetHandle Handle { get; private set; } = null!;

        public GetDeviceText Name { get; private set; } = null!;

        public GetSystemText DriverVersion { get; private set; } = null!;

        public GetMemory Memory { get; private set; } = null!;

        public GetEnergy? Energy { get; private set; }

        private NoArguments Shutdown { get; set; } = null!;

        private GetErrorString? ErrorString { get; set; }

        public static Library Open(string? name)
        {
            if (name is null)
            {
                return new Library($"NVML unavailable: no NVIDIA Management Library on {RuntimeInformation.OSDescription}");
            }

            if (!NativeLibrary.TryLoad(name, typeof(NativeNvml).Assembly, null, out var handle))
            {
                return new Library($"NVML unavailable: {name} could not be loaded (no NVIDIA driver on this machine?)");
            }

            var library = new Library(handle);
            var missing = library.Bind();
            if (missing is not null)
            {
                NativeLibrary.Free(handle);
                return new Library($"NVML unavailable: {name} has no {missing}");
            }

            return library.Initialise();
        }

        public Reading<T>? Check<T>(string function, int result) =>
            result == Success ? null : Reading.Unavailable<T>($"NVML unavailable: {function} returned {Describe(result)}");

        public void Close()
        {
            if (handle == IntPtr.Zero)
            {
                return;
            }

            if (UnavailableReason is null)
            {
                _ = Shutdown();
            }

            NativeLibrary.Free(handle);
            handle = IntPtr.Zero;
        }

        private string Describe(int result)
        {
            var text = ErrorString is null ? IntPtr.Zero : ErrorString(result);
            return text == IntPtr.Zero ? $"error {result}" : $"error {result} ({Marshal.PtrToStringUTF8(text)})";
        }

        private Library Initialise()
        {
            var init = Export<NoArguments>("nvmlInit_v2")!;
            var result = init();
            if (result != Success)
            {
                var reason = $"NVML unavailable: nvmlInit_v2 returned {Describe(result)}";
                NativeLibrary.Free(handle);
                handle = IntPtr.Zero;
                return new Library(reason);
            }

            return this;
        }

        /// <summary>Resolves the entry points; returns the first required one missing, or null.</summary>
        private string? Bind()
        {
            ErrorString = Export<GetErrorString>("nvmlErrorString");
            Energy = Export<GetEnergy>("nvmlDeviceGetTotalEnergyConsumption");
            if (Export<NoArguments>("nvmlInit_v2") is null)
            {
                return "nvmlInit_v2";
            }

            if (Export<NoArguments>("nvmlShutdown") is not { } shutdown)
            {
                return "nvmlShutdown";
            }

            Shutdown = shutdown;
            if (Export<GetCount>("nvmlDeviceGetCount_v2") is not { } count)
            {
                return "nvmlDeviceGetCount_v2";
            }

            Count = count;
            if (Export<GetHandle>("nvmlDeviceGetHandleByIndex_v2") is not { } byIndex)
            {
                return "nvmlDeviceGetHandleByIndex_v2";
            }

            Handle = byIndex;
            if (Export<GetDeviceText>("nvmlDeviceGetName") is not { } name)
            {
                return "nvmlDeviceGetName";
            }

            Name = name;
            if (Export<GetSystemText>("nvmlSystemGetDriverVersion") is not { } driver)
            {
                return "nvmlSystemGetDriverVersion";
            }

            DriverVersion = driver;
            if (Export<GetMemory>("nvmlDeviceGetMemoryInfo") is not { } memory)
            {
                return "nvmlDeviceGetMemoryInfo";
            }

            Memory = memory;
            return null;
        }

        private TDelegate? Export<TDelegate>(string name)
            where TDelegate : Delegate =>
            NativeLibrary.TryGetExport(handle, name, out var address) ? Marshal.GetDelegateForFunctionPointer<TDelegate>(address) : null;
    }
}
