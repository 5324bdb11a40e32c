var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "14100",
        "ok": "14098",
        "ko": "2"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "370"
    },
    "maxResponseTime": {
        "total": "21058",
        "ok": "21058",
        "ko": "893"
    },
    "meanResponseTime": {
        "total": "8558",
        "ok": "8559",
        "ko": "632"
    },
    "standardDeviation": {
        "total": "9894",
        "ok": "9894",
        "ko": "262"
    },
    "percentiles1": {
        "total": "84",
        "ok": "84",
        "ko": "893"
    },
    "percentiles2": {
        "total": "20012",
        "ok": "20014",
        "ko": "893"
    },
    "percentiles3": {
        "total": "20125",
        "ok": "20166",
        "ko": "893"
    },
    "percentiles4": {
        "total": "20369",
        "ok": "20491",
        "ko": "893"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 8077,
    "percentage": 57.28368794326241
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 21,
    "percentage": 0.14893617021276595
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6000,
    "percentage": 42.5531914893617
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 2,
    "percentage": 0.014184397163120567
},
    "meanNumberOfRequestsPerSecond": {
        "total": "124.78",
        "ok": "124.76",
        "ko": "0.02"
    }
},
contents: {
"req_trader-read--no-198167092": {
        type: "REQUEST",
        name: "trader read, no terminals",
path: "trader read, no terminals",
pathFormatted: "req_trader-read--no-198167092",
stats: {
    "name": "trader read, no terminals",
    "numberOfRequests": {
        "total": "3000",
        "ok": "3000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "120",
        "ok": "120",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "7",
        "ok": "7",
        "ko": "-"
    },
    "percentiles1": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "percentiles2": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "percentiles3": {
        "total": "7",
        "ok": "7",
        "ko": "-"
    },
    "percentiles4": {
        "total": "18",
        "ok": "18",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3000,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "26.55",
        "ok": "26.55",
        "ko": "-"
    }
}
    },"req_ea-poll--long---917636094": {
        type: "REQUEST",
        name: "ea poll (long)",
path: "ea poll (long)",
pathFormatted: "req_ea-poll--long---917636094",
stats: {
    "name": "ea poll (long)",
    "numberOfRequests": {
        "total": "6000",
        "ok": "6000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "20001",
        "ok": "20001",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "21058",
        "ok": "21058",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "20053",
        "ok": "20053",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "94",
        "ok": "94",
        "ko": "-"
    },
    "percentiles1": {
        "total": "20017",
        "ok": "20017",
        "ko": "-"
    },
    "percentiles2": {
        "total": "20051",
        "ok": "20051",
        "ko": "-"
    },
    "percentiles3": {
        "total": "20279",
        "ok": "20257",
        "ko": "-"
    },
    "percentiles4": {
        "total": "20693",
        "ok": "20531",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6000,
    "percentage": 100.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "53.1",
        "ok": "53.1",
        "ko": "-"
    }
}
    },"req_ea-snapshot--409528120": {
        type: "REQUEST",
        name: "ea snapshot",
path: "ea snapshot",
pathFormatted: "req_ea-snapshot--409528120",
stats: {
    "name": "ea snapshot",
    "numberOfRequests": {
        "total": "2000",
        "ok": "1999",
        "ko": "1"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "893"
    },
    "maxResponseTime": {
        "total": "1093",
        "ok": "1093",
        "ko": "893"
    },
    "meanResponseTime": {
        "total": "94",
        "ok": "93",
        "ko": "893"
    },
    "standardDeviation": {
        "total": "145",
        "ok": "144",
        "ko": "0"
    },
    "percentiles1": {
        "total": "34",
        "ok": "34",
        "ko": "893"
    },
    "percentiles2": {
        "total": "112",
        "ok": "112",
        "ko": "893"
    },
    "percentiles3": {
        "total": "372",
        "ok": "370",
        "ko": "893"
    },
    "percentiles4": {
        "total": "801",
        "ok": "794",
        "ko": "893"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 1978,
    "percentage": 98.9
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 21,
    "percentage": 1.05
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1,
    "percentage": 0.05
},
    "meanNumberOfRequestsPerSecond": {
        "total": "17.7",
        "ok": "17.69",
        "ko": "0.01"
    }
}
    },"req_trader-read--20-977879188": {
        type: "REQUEST",
        name: "trader read, 2000 terminals polling",
path: "trader read, 2000 terminals polling",
pathFormatted: "req_trader-read--20-977879188",
stats: {
    "name": "trader read, 2000 terminals polling",
    "numberOfRequests": {
        "total": "3000",
        "ok": "3000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "782",
        "ok": "782",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "40",
        "ok": "40",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "82",
        "ok": "82",
        "ko": "-"
    },
    "percentiles1": {
        "total": "15",
        "ok": "15",
        "ko": "-"
    },
    "percentiles2": {
        "total": "39",
        "ok": "39",
        "ko": "-"
    },
    "percentiles3": {
        "total": "139",
        "ok": "138",
        "ko": "-"
    },
    "percentiles4": {
        "total": "529",
        "ok": "524",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 3000,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "26.55",
        "ok": "26.55",
        "ko": "-"
    }
}
    },"req_ea-snapshot--10--2074429085": {
        type: "REQUEST",
        name: "ea snapshot, 100 at once",
path: "ea snapshot, 100 at once",
pathFormatted: "req_ea-snapshot--10--2074429085",
stats: {
    "name": "ea snapshot, 100 at once",
    "numberOfRequests": {
        "total": "100",
        "ok": "99",
        "ko": "1"
    },
    "minResponseTime": {
        "total": "61",
        "ok": "61",
        "ko": "370"
    },
    "maxResponseTime": {
        "total": "549",
        "ok": "549",
        "ko": "370"
    },
    "meanResponseTime": {
        "total": "314",
        "ok": "313",
        "ko": "370"
    },
    "standardDeviation": {
        "total": "132",
        "ok": "133",
        "ko": "0"
    },
    "percentiles1": {
        "total": "293",
        "ok": "291",
        "ko": "370"
    },
    "percentiles2": {
        "total": "452",
        "ok": "452",
        "ko": "370"
    },
    "percentiles3": {
        "total": "510",
        "ok": "510",
        "ko": "370"
    },
    "percentiles4": {
        "total": "549",
        "ok": "549",
        "ko": "370"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 99,
    "percentage": 99.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 1,
    "percentage": 1.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.88",
        "ok": "0.88",
        "ko": "0.01"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
