package dev.confbot.adapter.pretix;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Moshi adapters for this package's package-private DTO records. Moshi's own record support uses a
 * method-handle lookup that may not touch non-public classes; this one uses reflection with {@code
 * setAccessible}. Same rules as Moshi: {@link Json} renames a component, unknown fields are
 * skipped, missing ones stay {@code null} (mappers reject what they need).
 */
final class DtoAdapterFactory implements JsonAdapter.Factory {
  /** A Moshi that reads this package's DTOs. */
  static final Moshi MOSHI = new Moshi.Builder().add(new DtoAdapterFactory()).build();

  private static final String PACKAGE = DtoAdapterFactory.class.getPackageName();

  @Override
  public @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !raw.isRecord() || !raw.getPackageName().equals(PACKAGE)) {
      return null;
    }
    RecordComponent[] components = raw.getRecordComponents();
    String[] names = new String[components.length];
    Method[] accessors = new Method[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Map<String, Integer> indexByName = new HashMap<>();
    JsonAdapter<?>[] adapters = new JsonAdapter<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Json json = component.getAnnotation(Json.class);
      names[i] = json == null ? component.getName() : json.name();
      indexByName.put(names[i], i);
      accessors[i] = component.getAccessor();
      accessors[i].setAccessible(true);
      types[i] = component.getType();
      adapters[i] = moshi.adapter(component.getGenericType());
    }
    Constructor<?> constructor;
    try {
      constructor = raw.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record without canonical constructor: " + raw, e);
    }
    constructor.setAccessible(true);
    return new RecordAdapter(names, indexByName, adapters, accessors, constructor).nullSafe();
  }

  private static final class RecordAdapter extends JsonAdapter<Object> {
    private final String[] names;
    private final Map<String, Integer> indexByName;
    private final JsonAdapter<?>[] adapters;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    RecordAdapter(
        String[] names,
        Map<String, Integer> indexByName,
        JsonAdapter<?>[] adapters,
        Method[] accessors,
        Constructor<?> constructor) {
      this.names = names;
      this.indexByName = indexByName;
      this.adapters = adapters;
      this.accessors = accessors;
      this.constructor = constructor;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      @Nullable Object[] values = new Object[names.length];
      reader.beginObject();
      while (reader.hasNext()) {
        Integer index = indexByName.get(reader.nextName());
        if (index == null) {
          reader.skipValue();
        } else {
          values[index] = adapters[index].fromJson(reader);
        }
      }
      reader.endObject();
      try {
        return constructor.newInstance(values);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot build " + constructor.getDeclaringClass(), e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
      writer.beginObject();
      for (int i = 0; i < names.length; i++) {
        writer.name(names[i]);
        try {
          ((JsonAdapter<Object>) adapters[i]).toJson(writer, accessors[i].invoke(value));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + accessors[i], e);
        }
      }
      writer.endObject();
    }
  }
}
