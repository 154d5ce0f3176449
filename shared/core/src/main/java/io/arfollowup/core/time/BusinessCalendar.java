package io.arfollowup.core.time;

import io.arfollowup.core.domain.Country;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days of a country: Monday to Friday minus its public holidays, computed in code (Easter-based ones
 * included) so there is no table to keep up to date. FR: national holidays (not Alsace-Moselle's two extra days).
 * GB: England and Wales bank holidays with their substitute days, plus the one-off days decreed since 2022.
 */
public final class BusinessCalendar {

    private static final Map<Integer, LocalDate[]> GB_ONE_OFF = Map.of(
            2022, new LocalDate[] {LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19)},
            2023, new LocalDate[] {LocalDate.of(2023, 5, 8)});

    private final Country country;
    private final Map<Integer, Set<LocalDate>> cache = new ConcurrentHashMap<>();

    public BusinessCalendar(Country country) {
        this.country = country;
    }

    public static BusinessCalendar of(Country country) {
        return new BusinessCalendar(country);
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    public boolean isHoliday(LocalDate date) {
        return cache.computeIfAbsent(date.getYear(), this::holidays).contains(date);
    }

    /** The date itself when it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first business day strictly after the date. */
    public LocalDate nextAfter(LocalDate date) {
        return onOrAfter(date.plusDays(1));
    }

    public LocalDate plusBusinessDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int i = 0; i < days; i++) {
            d = nextAfter(d);
        }
        return d;
    }

    public Set<LocalDate> holidays(int year) {
        Set<LocalDate> h = new HashSet<>();
        LocalDate easter = easterSunday(year);
        if (country == Country.FR) {
            h.add(LocalDate.of(year, 1, 1));
            h.add(easter.plusDays(1));   // lundi de Pâques
            h.add(LocalDate.of(year, 5, 1));
            h.add(LocalDate.of(year, 5, 8));
            h.add(easter.plusDays(39));  // Ascension
            h.add(easter.plusDays(50));  // lundi de Pentecôte
            h.add(LocalDate.of(year, 7, 14));
            h.add(LocalDate.of(year, 8, 15));
            h.add(LocalDate.of(year, 11, 1));
            h.add(LocalDate.of(year, 11, 11));
            h.add(LocalDate.of(year, 12, 25));
        } else {
            h.add(substitute(LocalDate.of(year, 1, 1)));
            h.add(easter.minusDays(2));  // Good Friday
            h.add(easter.plusDays(1));   // Easter Monday
            if (year == 2020) {
                h.add(LocalDate.of(2020, 5, 8)); // VE day moved the early May bank holiday
            } else {
                h.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
            }
            if (year == 2022) {
                h.add(LocalDate.of(2022, 6, 2)); // Platinum Jubilee moved the spring bank holiday
            } else {
                h.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            }
            h.add(LocalDate.of(year, Month.AUGUST, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            LocalDate christmas = LocalDate.of(year, 12, 25);
            LocalDate boxing = LocalDate.of(year, 12, 26);
            switch (christmas.getDayOfWeek()) {
                case SATURDAY -> {
                    h.add(LocalDate.of(year, 12, 27));
                    h.add(LocalDate.of(year, 12, 28));
                }
                case SUNDAY -> {
                    h.add(boxing);
                    h.add(LocalDate.of(year, 12, 27));
                }
                case FRIDAY -> {
                    h.add(christmas);
                    h.add(LocalDate.of(year, 12, 28)); // Boxing Day on Saturday → Monday
                }
                default -> {
                    h.add(christmas);
                    h.add(boxing);
                }
            }
            LocalDate[] oneOff = GB_ONE_OFF.get(year);
            if (oneOff != null) {
                h.addAll(Set.of(oneOff));
            }
        }
        return Set.copyOf(h);
    }

    private static LocalDate substitute(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
