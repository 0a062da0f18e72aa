package org.reprodiff.ui.prefs;

import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.PythonFloatFormat;
import org.reprodiff.service.Preferences;

/**
 * The Preferences dialog's state: the tolerances as the text typed, the ignore globs one per line, and the
 * theme. {@link #problemProperty()} says what is wrong with the input (blank when it is valid);
 * {@link #result()} is the edited preferences, everything else kept from the ones the dialog opened on.
 */
public final class PreferencesViewModel {
    private final Preferences base;
    private final StringProperty rtol = new SimpleStringProperty();
    private final StringProperty atol = new SimpleStringProperty();
    private final StringProperty ignore = new SimpleStringProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringBinding problem;

    public PreferencesViewModel(Preferences base) {
        this.base = base;
        rtol.set(PythonFloatFormat.repr(base.rtol()));
        atol.set(PythonFloatFormat.repr(base.atol()));
        ignore.set(String.join("\n", base.ignore()));
        dark.set(Preferences.DARK.equals(base.theme()));
        problem = Bindings.createStringBinding(this::check, rtol, atol);
    }

    private String check() {
        if (tolerance(rtol.get()) == null) {
            return "Relative tolerance: enter a number of 0 or more, such as 1e-5.";
        }
        if (tolerance(atol.get()) == null) {
            return "Absolute tolerance: enter a number of 0 or more, such as 1e-8.";
        }
        return "";
    }

    private static Double tolerance(String text) {
        Double d = Numbers.parseStrict(text);
        return d != null && Preferences.validTolerance(d) ? d : null;
    }

    /** The edited preferences; only call when {@link #problemProperty()} is blank. */
    public Preferences result() {
        Double r = tolerance(rtol.get());
        Double a = tolerance(atol.get());
        if (r == null || a == null) {
            throw new IllegalStateException(check());
        }
        List<String> globs = Arrays.stream(ignore.get().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return base.withComparison(r, a, globs).withTheme(dark.get() ? Preferences.DARK : Preferences.LIGHT);
    }

    /** Puts the comparison settings back to their defaults (theme kept). */
    public void restoreDefaults() {
        rtol.set(PythonFloatFormat.repr(Preferences.DEFAULTS.rtol()));
        atol.set(PythonFloatFormat.repr(Preferences.DEFAULTS.atol()));
        ignore.set("");
    }

    public StringProperty rtolProperty() { return rtol; }
    public StringProperty atolProperty() { return atol; }
    public StringProperty ignoreProperty() { return ignore; }
    public BooleanProperty darkProperty() { return dark; }
    public StringBinding problemProperty() { return problem; }
}
