package org.reprodiff.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon in the sizes the resources hold ({@code icons/app-16.png} … {@code app-256.png}); a size
 * that is missing or unreadable is skipped, so a build without icons still starts. Loaded once per instance.
 */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private final List<Image> images;

    public AppIcons() {
        List<Image> found = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/org/reprodiff/ui/icons/app-" + size + ".png")) {
                if (in != null) {
                    Image image = new Image(in);
                    if (!image.isError()) {
                        found.add(image);
                    }
                }
            } catch (IOException e) {
                // an unreadable icon is as good as a missing one: the window keeps the platform's default
            }
        }
        images = List.copyOf(found);
    }

    public List<Image> images() {
        return images;
    }

    /** Puts the icons on a stage (a no-op when there are none). */
    public void applyTo(Stage stage) {
        if (!images.isEmpty()) {
            stage.getIcons().setAll(images);
        }
    }
}
