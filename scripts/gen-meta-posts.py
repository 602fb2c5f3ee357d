#!/usr/bin/env python3
"""Writes a synthetic Meta Business Suite Facebook posts export (English UI, UTF-8 with BOM,
the real column set) for benchmarks: deterministic for a given row count.

    python3 scripts/gen-meta-posts.py ROWS OUT.csv      # 200000 rows is about 72 MB
"""
import csv
import random
import sys

HEADER = ["Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
          "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
          "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares",
          "Reactions", "Comments", "Shares", "Total clicks", "Other Clicks",
          "Matched Audience Targeting Consumption (Photo Click)", "Link Clicks",
          "Negative feedback from users: Hide all", "Seconds viewed", "Average Seconds viewed",
          "Estimated earnings (USD)", "Ad CPM (USD)", "Ad impressions", "Negative feedback from users: Hide"]
WORDS = ("kopi susu gula aren promo baru cabang jakarta bandung surabaya pagi sore malam diskon "
         "spesial minggu ini pelanggan setia terima kasih ☕ 🎉 #kopinusantara #ngopi").split()


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for i in range(rows):
            post_id = str(1127805492717580 + i * 7)
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
            if rng.random() < 0.2:
                text += "\n" + " ".join(rng.choice(WORDS) for _ in range(10))
            month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
            reactions, comments, shares = rng.randint(0, 900), rng.randint(0, 90), rng.randint(0, 40)
            reach = rng.randint(100, 90000)
            w.writerow([post_id, "100064644191880", "Kopi Nusantara", "", text, "", f"{month:02}/{day:02}/2025 {hour:02}:{rng.randint(0, 59):02}",
                        "", f"https://www.facebook.com/100064644191880/posts/{post_id}", "No", "No",
                        rng.choice(["Photos", "Videos", "Reels", "Links", "Text"]), "", "", "", "", "Lifetime",
                        reach * 2, reach, reactions + comments + shares, reactions, comments, shares,
                        rng.randint(0, 500), rng.randint(0, 300), rng.randint(0, 100), rng.randint(0, 100),
                        0, rng.randint(0, 9000), round(rng.random() * 20, 2), "", "", "", 0])


if __name__ == "__main__":
    main()
