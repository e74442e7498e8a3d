import CCairo
import CPNG

/// Version of the plotting library.
public enum OptracePlot {
    public static let cairoVersion: String = String(cString: cairo_version_string())
    public static let libpngVersion: String = String(cString: png_get_libpng_ver(nil))
}
