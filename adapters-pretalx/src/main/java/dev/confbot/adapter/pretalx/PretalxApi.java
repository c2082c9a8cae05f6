package dev.confbot.adapter.pretalx;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.Url;

/** The schedule endpoints of pretalx, read raw so that the payload can be hashed and cached. */
interface PretalxApi {

  /**
   * The frab export ({@code /{event}/schedule/export/schedule.json}) or the REST schedule ({@code
   * /api/events/{event}/schedules/latest/?expand=…}), whichever the configured URL names.
   */
  @GET
  Call<ResponseBody> schedule(@Url String url, @HeaderMap Map<String, String> headers);
}
