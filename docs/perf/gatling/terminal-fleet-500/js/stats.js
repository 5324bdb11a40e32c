var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "9100",
        "ok": "9098",
        "ko": "2"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "119"
    },
    "maxResponseTime": {
        "total": "21722",
        "ok": "21722",
        "ko": "147"
    },
    "meanResponseTime": {
        "total": "3458",
        "ok": "3459",
        "ko": "133"
    },
    "standardDeviation": {
        "total": "7463",
        "ok": "7463",
        "ko": "14"
    },
    "percentiles1": {
        "total": "36",
        "ok": "36",
        "ko": "147"
    },
    "percentiles2": {
        "total": "385",
        "ok": "385",
        "ko": "147"
    },
    "percentiles3": {
        "total": "20298",
        "ok": "20208",
        "ko": "147"
    },
    "percentiles4": {
        "total": "21111",
        "ok": "21001",
        "ko": "147"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 7218,
    "percentage": 79.31868131868131
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 137,
    "percentage": 1.5054945054945055
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 1743,
    "percentage": 19.153846153846153
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 2,
    "percentage": 0.021978021978021976
},
    "meanNumberOfRequestsPerSecond": {
        "total": "79.82",
        "ok": "79.81",
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
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "225",
        "ok": "225",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "6",
        "ok": "6",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "12",
        "ok": "12",
        "ko": "-"
    },
    "percentiles1": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "percentiles2": {
        "total": "5",
        "ok": "5",
        "ko": "-"
    },
    "percentiles3": {
        "total": "14",
        "ok": "14",
        "ko": "-"
    },
    "percentiles4": {
        "total": "63",
        "ok": "63",
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
        "total": "26.32",
        "ok": "26.32",
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
        "total": "1500",
        "ok": "1500",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "20005",
        "ok": "20005",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "21722",
        "ok": "21722",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "20241",
        "ok": "20241",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "380",
        "ok": "380",
        "ko": "-"
    },
    "percentiles1": {
        "total": "20059",
        "ok": "20059",
        "ko": "-"
    },
    "percentiles2": {
        "total": "20307",
        "ok": "20307",
        "ko": "-"
    },
    "percentiles3": {
        "total": "21160",
        "ok": "21169",
        "ko": "-"
    },
    "percentiles4": {
        "total": "21567",
        "ok": "21576",
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
    "count": 1500,
    "percentage": 100.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "13.16",
        "ok": "13.16",
        "ko": "-"
    }
}
    },"req_trader-read--50--1606659373": {
        type: "REQUEST",
        name: "trader read, 500 terminals polling",
path: "trader read, 500 terminals polling",
pathFormatted: "req_trader-read--50--1606659373",
stats: {
    "name": "trader read, 500 terminals polling",
    "numberOfRequests": {
        "total": "3000",
        "ok": "3000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "635",
        "ok": "635",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "134",
        "ok": "134",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "162",
        "ok": "162",
        "ko": "-"
    },
    "percentiles1": {
        "total": "45",
        "ok": "45",
        "ko": "-"
    },
    "percentiles2": {
        "total": "217",
        "ok": "217",
        "ko": "-"
    },
    "percentiles3": {
        "total": "462",
        "ok": "460",
        "ko": "-"
    },
    "percentiles4": {
        "total": "563",
        "ok": "563",
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
        "total": "26.32",
        "ok": "26.32",
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
        "total": "1500",
        "ok": "1498",
        "ko": "2"
    },
    "minResponseTime": {
        "total": "6",
        "ok": "6",
        "ko": "119"
    },
    "maxResponseTime": {
        "total": "1934",
        "ok": "1934",
        "ko": "147"
    },
    "meanResponseTime": {
        "total": "405",
        "ok": "406",
        "ko": "133"
    },
    "standardDeviation": {
        "total": "534",
        "ok": "535",
        "ko": "14"
    },
    "percentiles1": {
        "total": "117",
        "ok": "117",
        "ko": "147"
    },
    "percentiles2": {
        "total": "581",
        "ok": "583",
        "ko": "147"
    },
    "percentiles3": {
        "total": "1580",
        "ok": "1581",
        "ko": "147"
    },
    "percentiles4": {
        "total": "1771",
        "ok": "1769",
        "ko": "147"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 1165,
    "percentage": 77.66666666666666
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 112,
    "percentage": 7.466666666666668
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 221,
    "percentage": 14.733333333333334
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 2,
    "percentage": 0.13333333333333333
},
    "meanNumberOfRequestsPerSecond": {
        "total": "13.16",
        "ok": "13.14",
        "ko": "0.02"
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
        "ok": "100",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "23",
        "ok": "23",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1679",
        "ok": "1679",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "797",
        "ok": "797",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "413",
        "ok": "413",
        "ko": "-"
    },
    "percentiles1": {
        "total": "761",
        "ok": "761",
        "ko": "-"
    },
    "percentiles2": {
        "total": "1150",
        "ok": "1150",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1472",
        "ok": "1472",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1679",
        "ok": "1679",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 53,
    "percentage": 53.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 25,
    "percentage": 25.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 22,
    "percentage": 22.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.88",
        "ok": "0.88",
        "ko": "-"
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
